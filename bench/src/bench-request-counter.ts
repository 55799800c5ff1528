import { AsyncLocalStorage } from 'node:async_hooks';

/** The storage request kinds the benchmark reports. */
export const requestKinds = ['GET', 'PUT', 'HEAD', 'LIST', 'DELETE', 'COPY'] as const;

/** One request kind. */
export type RequestKind = (typeof requestKinds)[number];

/** Requests by kind, their total and the bytes written (bodies plus user metadata). */
export type RequestCounts = Record<RequestKind, number> & {
  total: number;
  bytesWritten: number;
};

/** Zeroed counts. */
export function emptyCounts(): RequestCounts {
  return { GET: 0, PUT: 0, HEAD: 0, LIST: 0, DELETE: 0, COPY: 0, total: 0, bytesWritten: 0 };
}

/** `after - before`, kind by kind. */
export function subtractCounts(after: RequestCounts, before: RequestCounts): RequestCounts {
  const output = emptyCounts();
  for (const kind of requestKinds) output[kind] = after[kind] - before[kind];
  output.total = after.total - before.total;
  output.bytesWritten = after.bytesWritten - before.bytesWritten;
  return output;
}

/** Writes: PUT, COPY and DELETE. */
export function writeCount(counts: RequestCounts): number {
  return counts.PUT + counts.COPY + counts.DELETE;
}

/** Counts storage requests and tracks the ones still in flight. */
export class RequestCounter {
  #counts = emptyCounts();
  #inFlight = 0;
  #idleWaiters: Array<() => void> = [];
  /** `performance.now()` when the last request finished. */
  lastFinishedAt = 0;

  /** A copy of the counts so far. */
  snapshot(): RequestCounts {
    return { ...this.#counts };
  }

  /** Requests started and not finished yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Count `amount` requests of a kind. */
  add(kind: RequestKind, amount = 1, bytesWritten = 0): void {
    this.#counts[kind] += amount;
    this.#counts.total += amount;
    this.#counts.bytesWritten += bytesWritten;
  }

  /** Mark a request started. */
  started(): void {
    this.#inFlight += 1;
  }

  /** Mark a request finished. */
  finished(): void {
    this.#inFlight -= 1;
    this.lastFinishedAt = performance.now();
    if (this.#inFlight === 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /**
   * Resolves once no request has been in flight for `quietMs` (fire-and-forget writes, such as
   * s3db.js partition references written after `insert()` resolved, count as part of the sync).
   */
  async settled(quietMs = 20): Promise<void> {
    for (;;) {
      if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.#inFlight === 0) return;
    }
  }
}

function metadataBytes(metadata: unknown): number {
  if (!metadata || typeof metadata !== 'object') return 0;
  let bytes = 0;
  for (const [key, value] of Object.entries(metadata as Record<string, unknown>))
    bytes += Buffer.byteLength(key) + Buffer.byteLength(String(value ?? ''));
  return bytes;
}

function bodyBytes(body: unknown): number {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}

// A page of an S3 listing holds at most 1,000 keys: a memory or file listing that returns more in
// one call counts as the pages S3 would have needed.
const pages = (keys: number) => Math.max(1, Math.ceil(keys / 1000));

type Classifier = (
  args: any[],
  result: any,
) => { kind: RequestKind; amount: number; bytes: number };

const clientMethods: Record<string, Classifier> = {
  putObject: ([params]) => ({
    kind: 'PUT',
    amount: 1,
    bytes: bodyBytes(params?.body) + metadataBytes(params?.metadata),
  }),
  getObject: () => ({ kind: 'GET', amount: 1, bytes: 0 }),
  headObject: () => ({ kind: 'HEAD', amount: 1, bytes: 0 }),
  exists: () => ({ kind: 'HEAD', amount: 1, bytes: 0 }),
  copyObject: ([params]) => ({ kind: 'COPY', amount: 1, bytes: metadataBytes(params?.metadata) }),
  deleteObject: () => ({ kind: 'DELETE', amount: 1, bytes: 0 }),
  deleteObjects: ([keys]) => ({
    kind: 'DELETE',
    amount: pages(Array.isArray(keys) ? keys.length : 1),
    bytes: 0,
  }),
  listObjects: () => ({ kind: 'LIST', amount: 1, bytes: 0 }),
  getKeysPage: ([params], result) => ({
    kind: 'LIST',
    amount: pages((params?.offset ?? 0) + (Array.isArray(result) ? result.length : 0)),
    bytes: 0,
  }),
  getAllKeys: (_args, result) => ({
    kind: 'LIST',
    amount: pages(Array.isArray(result) ? result.length : 0),
    bytes: 0,
  }),
  count: (_args, result) => ({
    kind: 'LIST',
    amount: pages(typeof result === 'number' ? result : 0),
    bytes: 0,
  }),
};

// AWS SDK command names: one command is one HTTP request (retries aside).
const commandKinds: Record<string, RequestKind> = {
  PutObjectCommand: 'PUT',
  GetObjectCommand: 'GET',
  HeadObjectCommand: 'HEAD',
  ListObjectsV2Command: 'LIST',
  ListObjectsCommand: 'LIST',
  DeleteObjectCommand: 'DELETE',
  DeleteObjectsCommand: 'DELETE',
  CopyObjectCommand: 'COPY',
};

/**
 * Wrap the methods of an s3db.js client (memory, file or S3) so every storage request is counted.
 * For the memory and file clients the public methods are counted (only the outermost call, so
 * `getAllKeys` calling `listObjects` counts once); for the S3 client every AWS SDK command sent.
 * Returns a function that restores the original methods.
 */
export function countClientRequests(client: any, counter: RequestCounter): () => void {
  const restore: Array<() => void> = [];
  const replace = (name: string, wrapped: (...args: any[]) => Promise<any>) => {
    const original = client[name];
    const hadOwn = Object.hasOwn(client, name);
    client[name] = wrapped;
    restore.push(() => {
      if (hadOwn) client[name] = original;
      else delete client[name];
    });
  };

  if (client.constructor?.name === 'S3Client' && typeof client.sendCommand === 'function') {
    const send = client.sendCommand.bind(client);
    replace('sendCommand', async (command: any) => {
      const kind = commandKinds[command?.constructor?.name ?? ''];
      const input = command?.input ?? {};
      const bytes =
        kind === 'PUT'
          ? bodyBytes(input.Body) + metadataBytes(input.Metadata)
          : kind === 'COPY'
            ? metadataBytes(input.Metadata)
            : 0;
      if (kind) counter.add(kind, 1, bytes);
      counter.started();
      try {
        return await send(command);
      } finally {
        counter.finished();
      }
    });
    return () => {
      for (const undo of restore.reverse()) undo();
    };
  }

  const insideCall = new AsyncLocalStorage<boolean>();
  for (const [name, classify] of Object.entries(clientMethods)) {
    if (typeof client[name] !== 'function') continue;
    const original = client[name].bind(client);
    replace(name, async (...args: any[]) => {
      if (insideCall.getStore()) return original(...args);
      counter.started();
      try {
        const result = await insideCall.run(true, () => original(...args));
        const { kind, amount, bytes } = classify(args, result);
        counter.add(kind, amount, bytes);
        return result;
      } catch (error) {
        const { kind, amount } = classify(args, undefined);
        counter.add(kind, amount, 0);
        throw error;
      } finally {
        counter.finished();
      }
    });
  }
  return () => {
    for (const undo of restore.reverse()) undo();
  };
}
