import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 's3db.js/lite';

/** Kinds of storage request, as S3 bills them. */
export type StorageRequestKind = 'GET' | 'PUT' | 'HEAD' | 'LIST' | 'DELETE' | 'COPY';

/** Live counters of storage requests by kind. */
export interface StorageRequestCounts {
  /** GetObject. */
  GET: number;
  /** PutObject. */
  PUT: number;
  /** HeadObject (and exists). */
  HEAD: number;
  /** ListObjectsV2 and the key listings built on it. */
  LIST: number;
  /** DeleteObject and DeleteObjects. */
  DELETE: number;
  /** CopyObject. */
  COPY: number;
  /** All of them. */
  total: number;
}

/** Counters returned by `countStorageRequests`. */
export interface StorageRequestCounter {
  /** Current counts (live: read it whenever). */
  readonly counts: StorageRequestCounts;
  /** A frozen copy of the counts. */
  snapshot(): StorageRequestCounts;
  /** Set every counter back to zero. */
  reset(): void;
  /** Put the client's methods back; counting stops. */
  stop(): void;
}

/** The client methods counted, with the kind of request each one is. */
export const countedClientMethods: Record<string, StorageRequestKind> = {
  getObject: 'GET',
  putObject: 'PUT',
  headObject: 'HEAD',
  exists: 'HEAD',
  copyObject: 'COPY',
  moveObject: 'COPY',
  deleteObject: 'DELETE',
  deleteObjects: 'DELETE',
  deleteAll: 'DELETE',
  listObjects: 'LIST',
  getKeysPage: 'LIST',
  getAllKeys: 'LIST',
  count: 'LIST',
  getContinuationTokenAfterOffset: 'LIST',
  moveAllObjects: 'COPY',
};

interface CallFrame {
  nested: boolean;
}

/**
 * Count the storage requests of a connected database by wrapping its client's methods. A call that
 * makes counted calls itself (getAllKeys paging through listObjects, moveObject = copy + delete) is
 * counted through those calls only, so every request is counted once.
 */
export function countStorageRequests(database: Database): StorageRequestCounter {
  const client = database.client as unknown as Record<string, unknown>;
  if (!client)
    throw new Error('countStorageRequests: connect the database first (it has no client yet).');
  const counts: StorageRequestCounts = {
    GET: 0,
    PUT: 0,
    HEAD: 0,
    LIST: 0,
    DELETE: 0,
    COPY: 0,
    total: 0,
  };
  const frames = new AsyncLocalStorage<CallFrame>();
  const restores: (() => void)[] = [];

  for (const [method, kind] of Object.entries(countedClientMethods)) {
    const original = client[method];
    if (typeof original !== 'function') continue;
    const hadOwn = Object.hasOwn(client, method);
    const wrapped = function (this: unknown, ...parameters: unknown[]) {
      const parent = frames.getStore();
      if (parent) parent.nested = true;
      const frame: CallFrame = { nested: false };
      const settle = () => {
        if (frame.nested) return;
        counts[kind] += 1;
        counts.total += 1;
      };
      return frames.run(frame, () => {
        const result = (original as (...values: unknown[]) => unknown).apply(this, parameters);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          return (result as Promise<unknown>).finally(settle);
        }
        settle();
        return result;
      });
    };
    client[method] = wrapped;
    restores.push(() => {
      if (hadOwn) client[method] = original;
      else delete client[method];
    });
  }

  return {
    counts,
    snapshot: () => ({ ...counts }),
    reset() {
      for (const key of Object.keys(counts) as (keyof StorageRequestCounts)[]) counts[key] = 0;
    },
    stop() {
      for (const restore of restores.splice(0)) restore();
    },
  };
}
