import type { InventoryLogger } from '../types.ts';
import { loadNodeCron } from './node-cron-loader.ts';

/** One scheduled job. */
export interface ScheduledJob {
  /** `global` or a cloud id. */
  name: string;
  /** Cron expression. */
  cron: string;
  /** Timezone. */
  timezone?: string;
  /** What runs on each tick. */
  run: () => Promise<unknown>;
}

/** Runs cron jobs through node-cron; a job that is still running skips its next tick. */
export class Scheduler {
  readonly #logger: InventoryLogger;
  readonly #tasks = new Map<string, { stop(): void | Promise<void>; getNextRun?(): Date | null }>();
  readonly #running = new Set<string>();

  constructor(logger: InventoryLogger) {
    this.#logger = logger;
  }

  /** Start a job. */
  add(job: ScheduledJob): void {
    const cron = loadNodeCron();
    if (!cron) throw new Error('node-cron is not installed; run `pnpm add node-cron`');
    const task = cron.schedule(
      job.cron,
      async () => {
        if (this.#running.has(job.name)) {
          this.#logger.warn('scheduled run skipped: previous run still going', { job: job.name });
          return;
        }
        this.#running.add(job.name);
        try {
          await job.run();
        } catch (error) {
          this.#logger.error('scheduled run failed', {
            job: job.name,
            error: error instanceof Error ? error.message : String(error),
          });
        } finally {
          this.#running.delete(job.name);
        }
      },
      { ...(job.timezone ? { timezone: job.timezone } : {}), name: `cloud-inventory-${job.name}` },
    );
    this.#tasks.set(job.name, task);
  }

  /** Next run time of a job, when node-cron can tell. */
  nextRun(name: string): Date | null {
    const task = this.#tasks.get(name);
    try {
      return task?.getNextRun?.() ?? null;
    } catch {
      return null;
    }
  }

  /** Names of the jobs. */
  get names(): string[] {
    return [...this.#tasks.keys()];
  }

  /** Stop every job. */
  async stopAll(): Promise<void> {
    for (const task of this.#tasks.values()) await task.stop();
    this.#tasks.clear();
  }
}
