import type { CloudInventoryPluginOptions, ScheduleOptions } from '@cloud-inventory/core';
import cron from 'node-cron';

/** The next scheduled sync of a cloud and the schedule that triggers it. */
export interface NextRun {
  /** ISO time. */
  at: string;
  /** `global` (the `scheduled` option) or `cloud` (the cloud's own `scheduled`). */
  source: 'global' | 'cloud';
  /** Cron expression. */
  cron: string;
}

function nextOf(
  schedule: ScheduleOptions | undefined,
  now: Date,
): { at: Date; cron: string } | undefined {
  if (!schedule?.enabled || !schedule.cron) return undefined;
  try {
    // NOTE: a task that is never started computes its next runs without keeping the process alive.
    const task = cron.createTask(
      schedule.cron,
      () => {},
      schedule.timezone ? { timezone: schedule.timezone } : {},
    );
    const upcoming = task.getNextRuns(3).find((date) => date.getTime() > now.getTime());
    void task.destroy();
    return upcoming ? { at: upcoming, cron: schedule.cron } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Next scheduled run of each cloud as `cloud-inventory run` would trigger it (the earliest of the
 * global schedule and the cloud's own), computed from the config without starting anything.
 */
export function nextScheduledRuns(
  options: CloudInventoryPluginOptions,
  cloudIds: readonly string[],
  now: Date = new Date(),
): Record<string, NextRun | null> {
  const global = nextOf(options.scheduled, now);
  const output: Record<string, NextRun | null> = {};
  cloudIds.forEach((cloudId, index) => {
    const own = nextOf(options.clouds[index]?.scheduled, now);
    const pick =
      own && (!global || own.at <= global.at)
        ? { ...own, source: 'cloud' as const }
        : global
          ? { ...global, source: 'global' as const }
          : undefined;
    output[cloudId] = pick
      ? { at: pick.at.toISOString(), source: pick.source, cron: pick.cron }
      : null;
  });
  return output;
}
