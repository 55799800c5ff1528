import type { ErrorClass, ScopeReport } from '../types.ts';

/** Outcome of a sync. */
export type SyncStatus = 'succeeded' | 'partial' | 'failed' | 'skipped';

/** Status of a run record: a sync's outcome, `running`, or `interrupted` (killed or lost its lock). */
export type RunRecordStatus = SyncStatus | 'running' | 'interrupted';

/** Kinds of change records. */
export type ChangeKind = 'created' | 'updated' | 'deleted' | 'restored';

/** A resource the engine refused, named in the run record. */
export interface RejectedResource {
  resourceType?: string;
  resourceId?: string;
  field: string;
  message: string;
}

/** What `syncCloud` and `syncAll` resolve to. */
export interface SyncSummary {
  cloudId: string;
  driver: string;
  runId: string;
  status: SyncStatus;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  restored: number;
  processed: number;
  rejected: number;
  durationMs: number;
  /** True when the run wrote nothing on purpose. */
  dryRun?: boolean;
  /** Set when status is `skipped`. */
  skipped?: boolean;
  /** Why it was skipped or failed. */
  reason?: string;
  /** Scopes the driver reported. */
  scopes: ScopeReport[];
  /** Error messages grouped by error class. */
  errors: Partial<Record<ErrorClass | 'storage' | 'invalid-resource' | 'lock', string[]>>;
  /** Driver checkpoint at the end of the run. */
  checkpoint?: unknown;
  /** Resources the engine refused (at most 100), also in the run record. */
  rejectedResources?: RejectedResource[];
  /** Earlier runs found unfinished and recovered by this one. */
  recovered?: { runIds: string[]; resources: number; changesRelogged: number };
}
