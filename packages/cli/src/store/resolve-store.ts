import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors/usage-error.ts';
import { maskCredentials } from './mask-credentials.ts';

/** The store a command uses. */
export interface StoreLocation {
  /** s3db.js connection string (may hold credentials: never print it). */
  connectionString: string;
  /** The same with credentials masked, safe to print. */
  display: string;
  /** Where it came from. */
  source: '--store' | 'CLOUD_INVENTORY_STORE' | 'config' | 'default';
}

/** Folder of the embedded default store, relative to the working directory. */
export const defaultStoreFolder = '.cloud-inventory';

const schemes = /^(memory|file|s3|https?|sqlite|sqlite\+[a-z0-9]+|reddb):\/\//i;

/** A connection string from a connection string or a plain directory path (turned into `file://`). */
export function toConnectionString(value: string, cwd: string): string {
  const trimmed = value.trim();
  if (schemes.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new UsageError({
      message: `unsupported store "${maskCredentials(trimmed)}"`,
      hint: 'use file:///path, s3://key:secret@bucket/prefix, http(s)://key:secret@host:port/bucket or memory://bucket',
    });
  }
  return pathToFileURL(isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed)).href;
}

/** Pick the store: `--store`, then `CLOUD_INVENTORY_STORE`, then the config's `store`, then `<cwd>/.cloud-inventory`. */
export function resolveStore(options: {
  flag?: string;
  environment: NodeJS.ProcessEnv;
  config?: string;
  /** Folder a relative `store` path in the config is resolved from. @default cwd */
  configDirectory?: string;
  cwd: string;
  defaultFolder?: string;
}): StoreLocation {
  const fromEnvironment = options.environment.CLOUD_INVENTORY_STORE;
  const [value, source]: [string, StoreLocation['source']] = options.flag
    ? [options.flag, '--store']
    : fromEnvironment
      ? [fromEnvironment, 'CLOUD_INVENTORY_STORE']
      : options.config
        ? [options.config, 'config']
        : [join(options.cwd, options.defaultFolder ?? defaultStoreFolder), 'default'];
  const base = source === 'config' ? (options.configDirectory ?? options.cwd) : options.cwd;
  const connectionString = toConnectionString(value, base);
  return { connectionString, display: maskCredentials(connectionString), source };
}
