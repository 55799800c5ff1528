import { DriverError } from '../errors/driver-error.ts';
import type { CloudResource } from '../types.ts';

// NOTE: a driver that ignores its AbortSignal and never settles must not hold a sync (and
// `plugin.stop({ abort: true })`) forever, so every wait on driver code races the signal.
/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whatever `listResources` returned, as an async iterable that stops when the signal aborts. */
export async function* driverListing(
  value: unknown,
  signal: AbortSignal,
): AsyncIterable<CloudResource> {
  if (value === null || value === undefined) return;
  let iterator: AsyncIterator<CloudResource> | Iterator<CloudResource>;
  if (typeof (value as AsyncIterable<CloudResource>)[Symbol.asyncIterator] === 'function') {
    iterator = (value as AsyncIterable<CloudResource>)[Symbol.asyncIterator]();
  } else if (typeof (value as Iterable<CloudResource>)[Symbol.iterator] === 'function') {
    iterator = (value as Iterable<CloudResource>)[Symbol.iterator]();
  } else {
    throw new DriverError({
      message: 'listResources must return an array or an (async) iterable of resources',
      errorClass: 'unknown',
    });
  }
  let finished = false;
  // One abort listener for the whole listing (not one per resource, a few percent of a
  // nothing-changed sync): it rejects whichever next() is being waited for.
  let rejectWaiting: ((reason: unknown) => void) | undefined;
  const onAbort = () => rejectWaiting?.(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const next = Promise.resolve(iterator.next());
      const result = await new Promise<IteratorResult<CloudResource>>((resolve, reject) => {
        rejectWaiting = reject;
        next.then(resolve, reject);
        if (signal.aborted) reject(signal.reason);
      });
      rejectWaiting = undefined;
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // A hung generator queues return() behind its pending next(): do not wait for it then.
    const closing = finished ? undefined : Promise.resolve(iterator.return?.()).catch(() => {});
    if (closing && !signal.aborted) await closing;
  }
}

/** Replaces every credential value (strings of 8+ characters, at any depth) in a message. */
export function credentialScrubber(credentials: unknown): (message: string) => string {
  const values = new Set<string>();
  const collect = (value: unknown, depth: number) => {
    if (typeof value === 'string' && value.length >= 8) values.add(value);
    else if (value && typeof value === 'object' && depth < 5)
      for (const item of Object.values(value)) collect(item, depth + 1);
  };
  collect(credentials, 0);
  const secrets = [...values].sort((left, right) => right.length - left.length);
  return (message) =>
    secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), message);
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
