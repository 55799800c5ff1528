import { ConfigurationError } from '@cloud-inventory/core';

/** Options of `resolveEndpoint`. */
export interface ResolveEndpointOptions {
  /** `config.endpoint` as the user gave it (undefined or empty: the default). */
  value: unknown;
  /** The provider's public API base URL. */
  defaultUrl: string;
  /** Option path named in errors. @default 'config.endpoint' */
  optionPath?: string;
  /** Cloud or driver named in errors (`linode`, `cloud linode-main`). */
  cloud?: string;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for `localhost`, `127.0.0.0/8` and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The API base URL a driver calls: `config.endpoint` (proxies, private endpoints, tests) or the
 * provider's default, without a trailing slash. Anything that is not an http(s) URL, and plain
 * `http://` to anything but a loopback address, is a ConfigurationError naming the option, so a
 * token is never sent in clear text over a network.
 */
export function resolveEndpoint(options: ResolveEndpointOptions): string {
  const path = options.cloud
    ? `${options.cloud}: ${options.optionPath ?? 'config.endpoint'}`
    : (options.optionPath ?? 'config.endpoint');
  const { value } = options;
  if (value === undefined || value === null || value === '') return trimSlash(options.defaultUrl);
  const fail = (expected: string): never => {
    throw new ConfigurationError({
      issues: [{ path, expected, received: JSON.stringify(value) }],
    });
  };
  if (typeof value !== 'string') return fail('an http(s) URL string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`an absolute URL such as ${options.defaultUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('an http(s) URL');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('an https:// URL (plain http:// is accepted only for loopback addresses)');
  }
  return trimSlash(url.toString());
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
