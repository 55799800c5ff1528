import { UsageError } from '../errors/usage-error.ts';

const units: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of a duration such as `90s`, `30m`, `24h`, `7d` or `2w`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/i.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (units[(match[2] as string).toLowerCase()] as number);
}

/**
 * A moment from a command-line value: a duration back from `now` (`30m`, `24h`, `7d`), `now`, or an
 * ISO date or time (`2026-01-31`, `2026-01-31T12:00:00Z`).
 */
export function parseMoment(text: string, option: string, now: Date = new Date()): Date {
  const trimmed = text.trim();
  if (trimmed === 'now') return now;
  const duration = parseDuration(trimmed);
  if (duration !== undefined) return new Date(now.getTime() - duration);
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const parsed = new Date(trimmed);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new UsageError({
    message: `${option} "${text}" is neither a duration nor an ISO time`,
    hint: `use a duration back from now (30m, 24h, 7d) or an ISO time (2026-01-31T12:00:00Z), e.g. ${option} 24h`,
  });
}
