const patched = Symbol.for('cloud-inventory.file-storage-metadata-without-body');

interface FileStorageLike {
  _writeMetadata: (key: string, metadata: Record<string, unknown>) => Promise<void>;
  _readMetadata: (key: string) => Promise<unknown>;
  get: (key: string) => Promise<unknown>;
  [patched]?: true;
}

function isFileStorage(storage: unknown): storage is FileStorageLike {
  const candidate = storage as Partial<FileStorageLike> | null;
  return (
    typeof candidate?._writeMetadata === 'function' &&
    typeof candidate._readMetadata === 'function' &&
    typeof candidate.get === 'function' &&
    (storage as { constructor?: { name?: string } }).constructor?.name === 'FileSystemStorage'
  );
}

/**
 * Keep s3db.js's filesystem storage from copying every object's body into its metadata file.
 * NOTE: s3db.js 21.6.2 writes `<key>.meta.json` with `body: <Buffer>` pretty-printed, that is a
 * JSON array of byte values about ten times the body's size (a 1.9 MB index shard got a 19 MB
 * metadata file; a 1 KB record 10 KB), and parses that whole file on every GET and HEAD. It never
 * serves a body from there (GET reads the object file; only COPY carries the field along), so
 * leaving it out is invisible to every reader, ours and s3db.js's, old and new. Measured at 2·10^5
 * resources on file://: the copies were 90% of the store's 9.3 GB, and parsing them a third of a
 * nothing-changed sync's CPU. Applied once per storage (s3db.js shares one per directory).
 * Returns false when the client's storage does not have the shape this was written for.
 */
export function leaveBodiesOutOfFileMetadata(client: unknown): boolean {
  const storage = (client as { storage?: unknown } | null)?.storage;
  if (!isFileStorage(storage)) return false;
  if (storage[patched]) return true;
  const writeMetadata = storage._writeMetadata.bind(storage);
  storage._writeMetadata = (key, metadata) => {
    const { body: _body, ...withoutBody } = metadata;
    return writeMetadata(key, withoutBody);
  };
  storage[patched] = true;
  return true;
}
