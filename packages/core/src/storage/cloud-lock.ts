import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LockLostError } from '../errors/lock-lost-error.ts';
import { StorageError } from '../errors/storage-error.ts';
import { internalPrefix, isPreconditionFailed, type ObjectStore } from './object-store.ts';

/** The lock object: who holds it and for how long (by the holder's clock, for humans). */
interface LockBody {
  cloudId: string;
  /** Holder, or empty once released. */
  owner: string;
  acquiredAt: string;
  expiresAt: string;
  /** Lifetime the holder renews within; a taker waits this long by its own clock. */
  ttlMs?: number;
  /** Set when the holder let it go: free for anyone (taken with If-Match on its ETag). */
  released?: boolean;
}

/** Options of `CloudLock.acquire`. */
export interface AcquireLockOptions {
  /** Lock lifetime; renewed every third of it while held. */
  ttlMs: number;
  /** How long to wait for a busy lock; 0 gives up at once. */
  timeoutMs: number;
  /** Identity of this worker (host, pid, random). */
  owner?: string;
  /** Poll interval while waiting. @default 250 */
  pollMs?: number;
  /**
   * How far two workers' clocks may disagree. A lock whose `expiresAt` (the holder's clock) is
   * older than this is taken at once; any other busy lock only after this worker saw it unchanged
   * for a whole TTL by its own monotonic clock. @default 60000
   */
  clockSkewMs?: number;
  /** This worker's wall clock (ms since the epoch), for the lock body's times. @default Date.now */
  now?: () => number;
}

/** A unique owner id for this process. */
export function defaultLockOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(16).slice(2, 10)}`;
}

// The holder stops writing this share of a TTL after its last successful renewal was sent, so an
// in-flight write lands before anyone may take over (a taker waits a whole TTL after seeing it).
const writableShare = 0.8;

/**
 * One writer per cloud across processes. The lock object is created with `If-None-Match: *`,
 * renewed with `If-Match`, released by writing a `released` body with `If-Match` (never
 * read-then-delete) and taken over with `If-Match` on the ETag the taker watched stay unchanged
 * for a whole TTL by its own clock. The holder fences itself: `assertHeld()` fails once its own
 * monotonic clock passes 80% of a TTL since the last renewal it sent that succeeded, so a worker
 * whose renewals fail stops writing before anyone can take over, whatever the clocks say.
 */
export class CloudLock {
  readonly cloudId: string;
  readonly owner: string;
  readonly #store: ObjectStore;
  readonly #ttlMs: number;
  readonly #controller = new AbortController();
  #etag: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #released = false;
  #renewing: Promise<void> | undefined;
  #writableUntil: number;
  #renewalError: unknown;
  readonly #now: () => number;

  private constructor(
    store: ObjectStore,
    cloudId: string,
    owner: string,
    ttlMs: number,
    etag: string | undefined,
    sentAt: number,
    now: () => number,
  ) {
    this.#store = store;
    this.#now = now;
    this.cloudId = cloudId;
    this.owner = owner;
    this.#ttlMs = ttlMs;
    this.#etag = etag;
    this.#writableUntil = sentAt + ttlMs * writableShare;
    this.#timer = setInterval(
      () => {
        this.#renewing = this.renew();
      },
      Math.max(50, Math.floor(ttlMs / 3)),
    );
    this.#timer.unref();
  }

  /** Object key of a cloud's lock. */
  static key(cloudId: string): string {
    return `${internalPrefix}/locks/${encodeURIComponent(cloudId)}.json`;
  }

  /** Take the lock, waiting up to `timeoutMs`; null when another worker holds it. */
  static async acquire(
    store: ObjectStore,
    cloudId: string,
    options: AcquireLockOptions,
  ): Promise<CloudLock | null> {
    const owner = options.owner ?? defaultLockOwner();
    const deadline = performance.now() + options.timeoutMs;
    const skewMs = options.clockSkewMs ?? 60_000;
    const now = options.now ?? Date.now;
    const key = CloudLock.key(cloudId);
    // The busy lock being watched: its ETag and when this worker first saw it (monotonic).
    let watched: { etag: string; since: number } | undefined;
    const take = async (condition: { ifMatch?: string; ifNoneMatch?: string }) => {
      const sentAt = performance.now();
      try {
        const body = lockBody(cloudId, owner, options.ttlMs, now());
        const etag = await store.putJson(key, body, condition);
        return new CloudLock(store, cloudId, owner, options.ttlMs, etag, sentAt, now);
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        return null;
      }
    };
    // A take that lost its condition is followed by a fresh read at once (the answer may be our
    // own write whose response was lost), a few times, before waiting.
    let rereads = 0;
    for (;;) {
      const current = await readLock(store, key);
      let taken: CloudLock | null = null;
      let attempted = false;
      if (current === null) {
        attempted = true;
        taken = await take({ ifNoneMatch: '*' });
      } else if (current.value.owner === owner && current.etag && !current.value.released) {
        // A write of ours whose response was lost (the client's retry failed its condition).
        return new CloudLock(
          store,
          cloudId,
          owner,
          options.ttlMs,
          current.etag,
          performance.now(),
          now,
        );
      } else if (current.etag) {
        const observedAt = performance.now();
        if (watched?.etag !== current.etag) watched = { etag: current.etag, since: observedAt };
        const heldFor = current.value.ttlMs ?? options.ttlMs;
        const free =
          current.value.released === true ||
          observedAt - watched.since >= heldFor ||
          Date.parse(current.value.expiresAt) + skewMs <= now();
        if (free) {
          attempted = true;
          taken = await take({ ifMatch: current.etag });
        }
      }
      if (taken) return taken;
      if (attempted && rereads < 3) {
        rereads += 1;
        continue;
      }
      if (performance.now() >= deadline) return null;
      const wait = Math.min(options.pollMs ?? 250, Math.max(1, deadline - performance.now()));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Aborted when the lock is lost. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True while the lock is still ours and within its fenced lifetime. */
  get held(): boolean {
    if (this.#released || this.#controller.signal.aborted) return false;
    if (performance.now() > this.#writableUntil) {
      this.#fence();
      return false;
    }
    return true;
  }

  /** Throw LockLostError when the lock is gone or its renewals stopped succeeding; call before every write. */
  assertHeld(): void {
    if ((!this.held && !this.#released) || this.#controller.signal.aborted)
      throw this.lostReason ?? new LockLostError({ cloudId: this.cloudId });
  }

  /** Extend the TTL; marks the lock lost when someone else took it. */
  async renew(): Promise<void> {
    if (!this.held) return;
    const sentAt = performance.now();
    try {
      this.#etag = await this.#store.putJson(
        CloudLock.key(this.cloudId),
        lockBody(this.cloudId, this.owner, this.#ttlMs, this.#now()),
        this.#etag ? { ifMatch: this.#etag } : {},
      );
      this.#extend(sentAt);
    } catch (error) {
      // A transient storage error is retried at the next tick; the fence stops writes meanwhile.
      if (!isPreconditionFailed(error)) {
        this.#renewalError = error;
        return;
      }
      // A renewal applied whose response was lost leaves a stale ETag: still ours if it names us.
      const current = await this.#store
        .getJson<LockBody>(CloudLock.key(this.cloudId))
        .catch(() => null);
      if (current?.value.owner === this.owner && !current.value.released && current.etag) {
        this.#etag = current.etag;
        this.#extend(sentAt);
      } else this.markLost();
    }
  }

  /** Stop renewing and signal every writer to stop. */
  markLost(error: LockLostError = new LockLostError({ cloudId: this.cloudId })): void {
    if (this.#timer) clearInterval(this.#timer);
    if (!this.#controller.signal.aborted) this.#controller.abort(error);
  }

  /** The reason writes stopped: the lost lock, or the renewal failure behind it. */
  get lostReason(): LockLostError | undefined {
    const reason = this.#controller.signal.reason;
    return LockLostError.isInstance(reason) ? reason : undefined;
  }

  // Renewals stopped succeeding for 80% of a TTL: someone may take over soon, so stop now.
  #fence(): void {
    const cause = this.#renewalError;
    const detail = cause instanceof Error ? ` (last renewal: ${cause.message})` : '';
    this.markLost(
      new LockLostError({
        cloudId: this.cloudId,
        cause,
        reason: `its renewals failed for 80% of lock.ttl (${this.#ttlMs / 1000}s)${detail}`,
      }),
    );
  }

  /** Release the lock if it is still ours: a `released` body written with If-Match on our ETag. */
  async release(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#released) return;
    await this.#renewing?.catch(() => {});
    const wasHeld = this.held;
    this.#released = true;
    if (!wasHeld || !this.#etag) return;
    const body: LockBody = { ...lockBody(this.cloudId, '', 0, this.#now()), released: true };
    try {
      await this.#store.putJson(CloudLock.key(this.cloudId), body, { ifMatch: this.#etag });
    } catch (error) {
      // Someone took it over meanwhile: it is theirs now, nothing to release.
      if (!isPreconditionFailed(error)) throw error;
    }
  }

  #extend(sentAt: number): void {
    if (this.#controller.signal.aborted) return;
    this.#writableUntil = Math.max(this.#writableUntil, sentAt + this.#ttlMs * writableShare);
  }
}

// A lock object that cannot be parsed (torn by a killed writer) is read as absent: the conditional
// create then repairs it (file://) or refuses it.
async function readLock(
  store: ObjectStore,
  key: string,
): Promise<{ value: LockBody; etag: string | undefined } | null> {
  let current: { value: LockBody; etag: string | undefined } | null;
  try {
    current = await store.getJson<LockBody>(key);
  } catch (error) {
    if (StorageError.isInstance(error) && error.operation === 'parse') return null;
    throw error;
  }
  if (!current) return null;
  const body = current.value as Partial<LockBody> | null;
  if (body && typeof body === 'object' && typeof body.expiresAt === 'string') return current;
  // Readable but not a lock: free, taken with If-Match on its ETag (or created when it has none).
  if (!current.etag) return null;
  return { value: { ...lockBody('', '', 0, 0), released: true }, etag: current.etag };
}

function lockBody(cloudId: string, owner: string, ttlMs: number, now: number): LockBody {
  return {
    cloudId,
    owner,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ttlMs).toISOString(),
    ttlMs,
  };
}
