import { Agent, request } from 'node:http';

/** Where a memory database's objects are copied to. */
export interface SeedTarget {
  /** The S3 server itself (not the counting proxy): seeding is setup, not measured. */
  direct: string;
  bucket: string;
}

/** What a copy did. */
export interface SeedReport {
  objects: number;
  bytes: number;
  durationMs: number;
}

interface StoredObject {
  body?: Buffer;
  metadata?: Record<string, string>;
  contentType?: string;
  contentEncoding?: string;
}

function objectPath(bucket: string, key: string): string {
  return `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Copy every object of an s3db.js MemoryClient into a bucket of the local S3 server, byte for byte:
 * same keys (without the client's key prefix), bodies, content types and user metadata (already
 * encoded by s3db.js exactly as its S3 client encodes it). A sync that would take minutes over the
 * wire (s3db.js's plugin writes ~22 objects per resource, one resource at a time) becomes a bulk
 * copy, so "nothing changed" can be measured on the S3 wire path at sizes whose initial sync does
 * not fit the time budget. Unsigned PUTs (the local server accepts them), 32 at a time.
 */
export async function copyMemoryDatabaseToS3(client: any, target: SeedTarget): Promise<SeedReport> {
  const objects: Map<string, StoredObject> | undefined = client?.storage?.objects;
  if (!(objects instanceof Map)) throw new Error('seeding needs an s3db.js MemoryClient');
  const prefix: string = client.keyPrefix ? `${String(client.keyPrefix).replace(/\/$/, '')}/` : '';
  const url = new URL(target.direct);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const startedAt = performance.now();
  const keys = [...objects.keys()];
  let next = 0;
  let bytes = 0;
  const put = (fullKey: string, stored: StoredObject) =>
    new Promise<void>((resolve, reject) => {
      const key = prefix && fullKey.startsWith(prefix) ? fullKey.slice(prefix.length) : fullKey;
      const body = stored.body ?? Buffer.alloc(0);
      const headers: Record<string, string | number> = { 'content-length': body.length };
      if (stored.contentType) headers['content-type'] = stored.contentType;
      if (stored.contentEncoding) headers['content-encoding'] = stored.contentEncoding;
      for (const [name, value] of Object.entries(stored.metadata ?? {}))
        headers[`x-amz-meta-${name}`] = value;
      bytes += body.length;
      const outgoing = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: objectPath(target.bucket, key),
          agent,
          headers,
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200
              ? resolve()
              : reject(new Error(`seeding ${key}: HTTP ${response.statusCode}`)),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  try {
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < keys.length) {
          const key = keys[next] as string;
          next += 1;
          const stored = objects.get(key);
          if (stored) await put(key, stored);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { objects: keys.length, bytes, durationMs: performance.now() - startedAt };
}
