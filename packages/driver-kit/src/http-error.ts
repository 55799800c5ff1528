import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { errorClassForStatus } from './classify-error.ts';
import { redactSecrets, redactUrl } from './redact.ts';

const maximumMessageLength = 300;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function withCode(code: unknown, message: string | undefined): string | undefined {
  const codeText = typeof code === 'number' ? String(code) : text(code);
  if (message && codeText && !message.includes(codeText)) return `${codeText}: ${message}`;
  return message ?? codeText;
}

// The error shapes of the providers we list: DigitalOcean {id, message}, Hetzner/Azure/GCP
// {error: {code, message}}, Linode {errors: [{reason}]}, Cloudflare {errors: [{code, message}]},
// Atlas {errorCode, detail}, Vultr {error: "..."}, OAuth {error, error_description}.
function messageFromJson(body: Record<string, any>): string | undefined {
  const nested = body.error;
  if (nested && typeof nested === 'object') {
    return withCode(nested.code ?? nested.status, text(nested.message) ?? text(nested.details));
  }
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  if (first && typeof first === 'object') {
    return withCode(first.code, text(first.message) ?? text(first.reason) ?? text(first.detail));
  }
  if (typeof first === 'string') return first;
  const message =
    text(body.message) ??
    text(body.Message) ??
    text(body.detail) ??
    text(body.error_description) ??
    text(body.errorMessage) ??
    text(body.title) ??
    text(nested);
  return withCode(body.errorCode ?? body.code ?? body.Code ?? body.id ?? body.__type, message);
}

/** The provider's own error message in a response body (JSON or XML), shortened; undefined when there is none. */
export function extractProviderMessage(body: unknown): string | undefined {
  let message: string | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    message = messageFromJson(body as Record<string, any>);
  } else if (typeof body === 'string' && body.trim() !== '') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      try {
        return extractProviderMessage(JSON.parse(trimmed));
      } catch {
        // Not JSON after all; fall through to the text forms.
      }
    }
    if (trimmed.startsWith('<')) {
      const code = /<Code>([^<]*)<\/Code>/i.exec(trimmed)?.[1];
      const xmlMessage = /<Message>([^<]*)<\/Message>/i.exec(trimmed)?.[1];
      message = withCode(code, text(xmlMessage));
    } else {
      message = trimmed.split('\n')[0];
    }
  }
  if (!message) return undefined;
  const oneLine = message.replace(/\s+/g, ' ');
  return oneLine.length > maximumMessageLength
    ? `${oneLine.slice(0, maximumMessageLength)}...`
    : oneLine;
}

const classHints: Record<ErrorClass, string> = {
  auth: 'check the credentials and their permissions',
  throttled: 'the provider kept rate limiting; lower concurrency or retry later',
  'not-enabled': 'the service is not enabled for this account or region',
  server: 'the provider failed; retry later',
  network: 'could not reach the provider',
  unknown: '',
};

/** Everything known about a failed HTTP call. */
export interface HttpFailure {
  /** HTTP method. */
  method: string;
  /** Request URL (redacted before use). */
  url: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** HTTP status text. */
  statusText?: string;
  /** Parsed or raw response body. */
  body?: unknown;
  /** Class to use instead of the one derived from the status. */
  errorClass?: ErrorClass;
  /** What went wrong without a response (timeout, connection reset). */
  reason?: string;
  /** Attempts made. */
  attempts?: number;
  /** Service label. */
  service?: string;
  /** Region label. */
  region?: string;
  /** Secret values to scrub from the message (tokens, passwords). */
  secrets?: readonly (string | undefined)[];
  /** The underlying error. */
  cause?: unknown;
}

/** Build a DriverError naming method and redacted path, the status, the provider's message and what to do. */
export function createHttpDriverError(failure: HttpFailure): DriverError {
  const errorClass =
    failure.errorClass ??
    (failure.status === undefined ? 'network' : errorClassForStatus(failure.status));
  const parsed = new URL(failure.url, 'http://relative.invalid');
  const target = redactUrl(`${parsed.pathname}${parsed.search}`);
  const outcome =
    failure.status === undefined
      ? (failure.reason ?? 'network error')
      : `HTTP ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}${failure.reason ? ` with ${failure.reason}` : ''}`;
  const providerMessage = extractProviderMessage(failure.body);
  const attempts =
    failure.attempts && failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';
  // Without a response, name the endpoint tried and the option that changes it.
  const unreachable = failure.status === undefined && errorClass === 'network';
  const hint = unreachable
    ? `could not reach ${parsed.origin === 'http://relative.invalid' ? 'the provider' : parsed.origin}; check the network, or config.endpoint when the API is elsewhere`
    : classHints[errorClass];
  let message = `${failure.method.toUpperCase()} ${unreachable && parsed.origin !== 'http://relative.invalid' ? parsed.origin : ''}${target} failed${attempts}: ${outcome}`;
  if (providerMessage) message += ` - ${providerMessage}`;
  if (hint) message += ` (${errorClass}: ${hint})`;
  return new DriverError({
    message: redactSecrets(message, failure.secrets ?? []),
    errorClass,
    statusCode: failure.status,
    service: failure.service,
    region: failure.region,
    cause: failure.cause,
  });
}
