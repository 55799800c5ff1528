import { hostname } from 'node:os';
import { LockLostError } from '../errors/lock-lost-error.ts';
import { internalPrefix, isPreconditionFailed, type ObjectStore } from './object-store.ts';

interface LockBody {
  cloudId: string;
  owner: string;
  acquiredAt: string;
  expiresAt: string;
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
}

/** A unique owner id for this process. */
export function defaultLockOwner(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(16).slice(2, 10)}`;
}

/**
 * One writer per cloud across processes: a lock object written with `If-None-Match: *`, renewed with
 * `If-Match`, and taken over atomically (`If-Match` on the expired lock's ETag) once its TTL passed.
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

  private constructor(
    store: ObjectStore,
    cloudId: string,
    owner: string,
    ttlMs: number,
    etag: string | undefined,
  ) {
    this.#store = store;
    this.cloudId = cloudId;
    this.owner = owner;
    this.#ttlMs = ttlMs;
    this.#etag = etag;
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
    const deadline = Date.now() + options.timeoutMs;
    const key = CloudLock.key(cloudId);
    for (;;) {
      const now = new Date();
      const body: LockBody = {
        cloudId,
        owner,
        acquiredAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + options.ttlMs).toISOString(),
      };
      try {
        const etag = await store.putJson(key, body, { ifNoneMatch: '*' });
        return new CloudLock(store, cloudId, owner, options.ttlMs, etag);
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
      const current = await store.getJson<LockBody>(key);
      // NOTE: when a write's response is lost, the S3 client retries it and the retry fails its own
      // condition: a lock that names this owner is ours.
      if (current?.value.owner === owner && current.etag) {
        return new CloudLock(store, cloudId, owner, options.ttlMs, current.etag);
      }
      if (current && Date.parse(current.value.expiresAt) <= Date.now() && current.etag) {
        try {
          const etag = await store.putJson(key, body, { ifMatch: current.etag });
          return new CloudLock(store, cloudId, owner, options.ttlMs, etag);
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
        }
      }
      if (current === null) continue;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(options.pollMs ?? 250, Math.max(1, deadline - Date.now()))),
      );
    }
  }

  /** Aborted when the lock is lost. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True while the lock is still ours. */
  get held(): boolean {
    return !this.#released && !this.#controller.signal.aborted;
  }

  /** Throw LockLostError when the lock is gone; call before every write. */
  assertHeld(): void {
    if (this.#controller.signal.aborted) throw new LockLostError({ cloudId: this.cloudId });
  }

  /** Extend the TTL; marks the lock lost when someone else took it. */
  async renew(): Promise<void> {
    if (!this.held) return;
    const now = new Date();
    const body: LockBody = {
      cloudId: this.cloudId,
      owner: this.owner,
      acquiredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.#ttlMs).toISOString(),
    };
    try {
      this.#etag = await this.#store.putJson(
        CloudLock.key(this.cloudId),
        body,
        this.#etag ? { ifMatch: this.#etag } : {},
      );
    } catch (error) {
      // A transient storage error is retried at the next tick; the TTL still covers us.
      if (!isPreconditionFailed(error)) return;
      // A renewal applied whose response was lost leaves a stale ETag: still ours if it names us.
      const current = await this.#store
        .getJson<LockBody>(CloudLock.key(this.cloudId))
        .catch(() => null);
      if (current?.value.owner === this.owner && current.etag) this.#etag = current.etag;
      else this.markLost();
    }
  }

  /** Stop renewing and signal every writer to stop. */
  markLost(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#controller.abort(new LockLostError({ cloudId: this.cloudId }));
  }

  /** Release the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#released) return;
    this.#released = true;
    await this.#renewing?.catch(() => {});
    if (this.#controller.signal.aborted) return;
    const current = await this.#store
      .getJson<LockBody>(CloudLock.key(this.cloudId))
      .catch(() => null);
    if (current?.value.owner === this.owner) await this.#store.delete(CloudLock.key(this.cloudId));
  }
}
