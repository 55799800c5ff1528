import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How long a cached directory listing is trusted even when the directory's mtime did not move. */
export const listingCacheMilliseconds = 30_000;

type ListParameters = {
  prefix?: string;
  delimiter?: string | null;
  maxKeys?: number;
  continuationToken?: string | null;
  startAfter?: string | null;
};

type CachedDirectory = { mtimeMs: number; readAt: number; names: string[] };

function firstAtLeast(names: string[], value: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((names[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

async function directoryNames(
  directory: string,
  cache: Map<string, CachedDirectory>,
): Promise<string[] | undefined> {
  const info = await stat(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return [];
  const cached = cache.get(directory);
  if (
    cached &&
    cached.mtimeMs === info.mtimeMs &&
    Date.now() - cached.readAt < listingCacheMilliseconds
  )
    return cached.names;
  const entries: Dirent[] = await readdir(directory, { withFileTypes: true });
  // Nested folders are s3db.js's own business: the caller falls back to its listing.
  if (entries.some((entry) => entry.isDirectory())) return undefined;
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.meta.json'))
    .map((entry) => entry.name)
    .sort();
  cache.set(directory, { mtimeMs: info.mtimeMs, readAt: Date.now(), names });
  return names;
}

/**
 * Make a `file://` store's key listings cheap for a long-running reader. s3db.js 21.6.2's file
 * store answers every listing by stat-ing every object under the prefix and reading the metadata
 * of the listed ones (2.7 s per 1,000-key page at 100,000 resources); the inventory's listings only
 * need the keys, which are the file names of one folder. This listing reads the folder's names
 * (kept while its mtime stays the same, at most `listingCacheMilliseconds`) and pages them; any
 * listing it does not cover (a delimiter, `startAfter`, nested folders) goes to s3db.js's own.
 * Returns false, changing nothing, when the database is not on the file client.
 */
export function useDirectoryListing(database: unknown): boolean {
  const client = (database as { client?: any } | undefined)?.client;
  const storage = client?.storage;
  const internals = [
    client?._applyKeyPrefix,
    client?._stripKeyPrefix,
    storage?._keyToPath,
    storage?._pathToKey,
  ];
  if (internals.some((method) => typeof method !== 'function') || !storage?.basePath) return false;
  const original = client.listObjects.bind(client);
  const cache = new Map<string, CachedDirectory>();
  client.listObjects = async (parameters: ListParameters = {}) => {
    const { prefix = '', delimiter, maxKeys = 1000, continuationToken, startAfter } = parameters;
    const fullPrefix: string = client._applyKeyPrefix(prefix);
    if (delimiter || startAfter || fullPrefix === '' || fullPrefix.endsWith('/'))
      return original(parameters);
    const prefixPath: string = storage._keyToPath(fullPrefix);
    const directory = dirname(prefixPath);
    const namePrefix = basename(prefixPath);
    const names = await directoryNames(directory, cache);
    if (!names) return original(parameters);
    const after = continuationToken
      ? Buffer.from(continuationToken, 'base64url').toString('utf8')
      : undefined;
    let position = firstAtLeast(names, namePrefix);
    if (after !== undefined) {
      let next = firstAtLeast(names, after);
      if (names[next] === after) next += 1;
      position = Math.max(position, next);
    }
    const page: string[] = [];
    while (position < names.length && page.length < maxKeys) {
      const name = names[position] as string;
      if (!name.startsWith(namePrefix)) break;
      page.push(name);
      position += 1;
    }
    const more = position < names.length && (names[position] as string).startsWith(namePrefix);
    const contents = page.map((name) => ({
      Key: client._stripKeyPrefix(storage._pathToKey(join(directory, name))),
    }));
    return {
      Contents: contents,
      CommonPrefixes: [],
      IsTruncated: more,
      ...(more
        ? { NextContinuationToken: Buffer.from(page.at(-1) as string).toString('base64url') }
        : {}),
      KeyCount: contents.length,
      MaxKeys: maxKeys,
      Prefix: prefix,
    };
  };
  return true;
}
