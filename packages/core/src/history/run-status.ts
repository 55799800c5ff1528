import { CloudLock } from '../storage/cloud-lock.ts';
import type { ObjectStore } from '../storage/object-store.ts';

/** Who holds a cloud's lock right now, as far as the lock object tells. */
export interface LockState {
  /** The lock is taken and not past its expiry. */
  held: boolean;
  /** Its holder, when held. */
  owner?: string;
}

/** Read a cloud's lock object (no write). */
export async function readLockState(store: ObjectStore, cloudId: string): Promise<LockState> {
  const lock = await store.getJson<Record<string, any>>(CloudLock.key(cloudId)).catch(() => null);
  if (!lock || lock.value.released === true) return { held: false };
  const held = Date.parse(String(lock.value.expiresAt)) > Date.now();
  return held ? { held, owner: String(lock.value.owner) } : { held: false };
}

/**
 * A summary or run record as it stands: one that says `running` while nobody holds the cloud's
 * lock (or another worker does) was killed or lost its lock, and reads `interrupted`, with when
 * that was noticed. The next sync stores the same correction.
 */
export function withLiveStatus(
  record: Record<string, unknown>,
  lock: LockState,
  kind: 'summary' | 'run',
): Record<string, unknown> {
  if (record.status !== 'running') return record;
  const worker = kind === 'run' ? record.worker : undefined;
  const running = lock.held && (worker === undefined || worker === lock.owner);
  if (running) return record;
  return {
    ...record,
    status: 'interrupted',
    ...(kind === 'summary' ? { lastRunStatus: 'interrupted' } : {}),
    interruptedDetectedAt: new Date().toISOString(),
  };
}
