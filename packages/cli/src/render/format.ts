/** `1,234` style thousands separators. */
export function formatCount(value: number | undefined): string {
  return value === undefined ? '-' : value.toLocaleString('en-US');
}

/** A duration for people: `850 ms`, `4.2 s`, `3m 05s`, `2h 10m`. */
export function formatDuration(milliseconds: number | undefined): string {
  if (milliseconds === undefined || !Number.isFinite(milliseconds)) return '-';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** `5 min ago`, `in 2 h`, or the ISO time when far away; `-` for nothing. */
export function formatRelativeTime(
  value: string | Date | undefined | null,
  now: Date = new Date(),
): string {
  if (!value) return '-';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return String(value);
  const difference = time.getTime() - now.getTime();
  const absolute = Math.abs(difference);
  const text =
    absolute < 60_000
      ? `${Math.max(1, Math.round(absolute / 1000))} s`
      : absolute < 3_600_000
        ? `${Math.round(absolute / 60_000)} min`
        : absolute < 172_800_000
          ? `${Math.round(absolute / 3_600_000)} h`
          : `${Math.round(absolute / 86_400_000)} d`;
  return difference < 0 ? `${text} ago` : `in ${text}`;
}

/** A compact one-line rendering of any JSON value, cut at `maximum` characters. */
export function formatValue(value: unknown, maximum = 80): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maximum ? `${text.slice(0, maximum - 1)}…` : text;
}

/** The time part of an ISO timestamp, shortened for tables: `2026-01-31 12:00:05`. */
export function formatTimestamp(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '-';
  return value
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
    .replace(/Z$/, '');
}

/** `1 version`, `3 versions`: a count with its noun, plural when the count is not 1. */
export function formatQuantity(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
