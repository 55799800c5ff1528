import { createRequire } from 'node:module';

/** The parts of node-cron used here. */
export interface NodeCronModule {
  /** True for a valid expression. */
  validate(expression: string): boolean;
  /** Start a job. */
  schedule(
    expression: string,
    task: () => void | Promise<void>,
    options?: { timezone?: string; name?: string; noOverlap?: boolean },
  ): { stop(): void | Promise<void>; getNextRun?(): Date | null };
}

let cached: NodeCronModule | null | undefined;

/** node-cron when installed (it is an optional peer), else null; loaded synchronously so the constructor can fail early. */
export function loadNodeCron(): NodeCronModule | null {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    const loaded = require('node-cron') as NodeCronModule & { default?: NodeCronModule };
    cached =
      loaded.default && typeof loaded.default.schedule === 'function' ? loaded.default : loaded;
  } catch {
    cached = null;
  }
  return cached;
}

/** Forget the cached module (tests). */
export function resetNodeCronCache(): void {
  cached = undefined;
}
