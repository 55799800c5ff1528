import { StorageError } from '../errors/storage-error.ts';
import { createFileMutex, isFileSystemClient } from './file-mutex.ts';
import { leaveBodiesOutOfFileMetadata } from './file-storage-metadata.ts';

/** Thin access to raw objects of the database's bucket for the engine's internal files. */
export interface ObjectStore {
  /** Read and parse a JSON object; null when it does not exist. */
  getJson<T>(key: string): Promise<{ value: T; etag: string | undefined } | null>;
  /** Write a JSON object, optionally conditionally. Resolves to the new ETag. */
  putJson(
    key: string,
    value: unknown,
    condition?: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<string | undefined>;
  /** Delete an object (no error when missing). */
  delete(key: string): Promise<void>;
  /** Keys under a prefix. */
  list(prefix: string): Promise<string[]>;
}

/** Prefix under which the plugin keeps its internal objects (index shards, locks, keys). */
export const internalPrefix = 'plugin=cloud-inventory';

/** True when an s3db.js / S3 error means "no such object". */
export function isNotFound(error: unknown): boolean {
  const candidate = error as {
    name?: string;
    code?: string;
    statusCode?: number;
    $metadata?: { httpStatusCode?: number };
    message?: string;
  };
  return (
    candidate?.name === 'NoSuchKey' ||
    candidate?.name === 'NotFound' ||
    candidate?.code === 'NoSuchKey' ||
    candidate?.code === 'NotFound' ||
    candidate?.statusCode === 404 ||
    candidate?.$metadata?.httpStatusCode === 404 ||
    /does not exist|not found|NoSuchKey/i.test(candidate?.message ?? '')
  );
}

/** True when a conditional write lost (`If-Match` / `If-None-Match` failed). */
export function isPreconditionFailed(error: unknown): boolean {
  const candidate = error as {
    name?: string;
    code?: string;
    statusCode?: number;
    $metadata?: { httpStatusCode?: number };
    message?: string;
  };
  return (
    candidate?.name === 'PreconditionFailed' ||
    candidate?.code === 'PreconditionFailed' ||
    candidate?.statusCode === 412 ||
    candidate?.$metadata?.httpStatusCode === 412 ||
    candidate?.statusCode === 409 ||
    /precondition/i.test(candidate?.message ?? '')
  );
}

async function bodyToString(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array)
    return Buffer.from(body).toString('utf8');
  const streamLike = body as {
    transformToString?: () => Promise<string>;
    [Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
  };
  if (typeof streamLike.transformToString === 'function') return streamLike.transformToString();
  if (typeof streamLike[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of streamLike as AsyncIterable<Uint8Array | string>)
      chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  return String(body);
}

async function isUnreadable(client: any, key: string): Promise<boolean> {
  try {
    await client.getObject(key);
    return false;
  } catch (error) {
    return isNotFound(error);
  }
}

/** An ObjectStore over an s3db.js client (memory, file or S3). */
export function createObjectStore(client: any): ObjectStore {
  // Conditional writes on file:// are check-then-write; serialize them across processes.
  const mutex = isFileSystemClient(client) ? createFileMutex(client.basePath) : undefined;
  if (mutex) leaveBodiesOutOfFileMetadata(client);
  const putJson = async (
    key: string,
    value: unknown,
    condition: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<string | undefined> => {
    const write = () =>
      client.putObject({
        key,
        body: JSON.stringify(value),
        contentType: 'application/json',
        ...(condition.ifMatch ? { ifMatch: condition.ifMatch } : {}),
        ...(condition.ifNoneMatch ? { ifNoneMatch: condition.ifNoneMatch } : {}),
      });
    const conditional = Boolean(condition.ifMatch || condition.ifNoneMatch);
    if (!mutex || !conditional) return (await write())?.ETag;
    const response = await mutex(key, async () => {
      try {
        return await write();
      } catch (error) {
        // NOTE: a process killed inside the file client's put can leave a body without its
        // metadata: unreadable and unlisted, yet failing If-None-Match forever. Inside the mutex
        // no one else writes this key, so such a torn object is removed and the write retried.
        if (
          !condition.ifNoneMatch ||
          !isPreconditionFailed(error) ||
          !(await isUnreadable(client, key))
        )
          throw error;
        await client.deleteObject(key);
        return write();
      }
    });
    return response?.ETag;
  };
  return {
    async getJson<T>(key: string) {
      let response: any;
      try {
        response = await client.getObject(key);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw new StorageError({ operation: 'read', key, cause: error });
      }
      const text = await bodyToString(response?.Body);
      try {
        return { value: JSON.parse(text) as T, etag: response?.ETag };
      } catch (error) {
        throw new StorageError({ operation: 'parse', key, cause: error });
      }
    },
    async putJson(key, value, condition = {}) {
      try {
        return await putJson(key, value, condition);
      } catch (error) {
        // A failed condition is an answer the caller acts on (locks, immutable versions).
        if (isPreconditionFailed(error)) throw error;
        throw new StorageError({ operation: 'write', key, cause: error });
      }
    },
    async delete(key) {
      try {
        await client.deleteObject(key);
      } catch (error) {
        if (!isNotFound(error)) throw new StorageError({ operation: 'delete', key, cause: error });
      }
    },
    async list(prefix) {
      if (typeof client.getAllKeys === 'function') {
        const keys: string[] = await client.getAllKeys({ prefix });
        return keys;
      }
      const response = await client.listObjects({ prefix });
      return (response?.Contents ?? []).map((item: { Key: string }) => item.Key);
    },
  };
}
