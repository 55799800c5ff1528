import type { ConfigurationDiff } from '@cloud-inventory/core';
import type { Palette } from '../terminal/palette.ts';
import { formatValue } from './format.ts';

/** Options of `renderDiff`. */
export interface DiffRenderOptions {
  /** Colours. */
  palette: Palette;
  /** Indentation of every line. @default '' */
  indent?: string;
  /** Cut values longer than this. @default 160 */
  maximumValueWidth?: number;
  /** Show at most this many paths, then a "… more" line. */
  maximumEntries?: number;
}

/** Number of changed paths in a diff. */
export function countDiffPaths(diff: Partial<ConfigurationDiff> | undefined): number {
  if (!diff) return 0;
  return (
    Object.keys(diff.added ?? {}).length +
    Object.keys(diff.removed ?? {}).length +
    Object.keys(diff.updated ?? {}).length
  );
}

/** `2 added, 1 removed, 3 updated` (only the non-zero parts), or `no changes`. */
export function summarizeDiff(diff: Partial<ConfigurationDiff> | undefined): string {
  const parts: string[] = [];
  const added = Object.keys(diff?.added ?? {}).length;
  const removed = Object.keys(diff?.removed ?? {}).length;
  const updated = Object.keys(diff?.updated ?? {}).length;
  if (added > 0) parts.push(`${added} added`);
  if (removed > 0) parts.push(`${removed} removed`);
  if (updated > 0) parts.push(`${updated} updated`);
  if (diff?.truncated) parts.push(`${diff.totalChanges ?? 'more'} in total (truncated)`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/**
 * A readable diff, one changed path per entry in path order: `+ path = value` (added, green),
 * `- path = value` (removed, red) and `~ path` followed by the old and new value (updated).
 */
export function renderDiff(diff: Partial<ConfigurationDiff>, options: DiffRenderOptions): string[] {
  const { palette } = options;
  const indent = options.indent ?? '';
  const width = options.maximumValueWidth ?? 160;
  const entries: Array<{ path: string; line: () => string[] }> = [];
  for (const [path, value] of Object.entries(diff.added ?? {})) {
    entries.push({
      path,
      line: () => [palette.green(`${indent}+ ${path} = ${formatValue(value, width)}`)],
    });
  }
  for (const [path, value] of Object.entries(diff.removed ?? {})) {
    entries.push({
      path,
      line: () => [palette.red(`${indent}- ${path} = ${formatValue(value, width)}`)],
    });
  }
  for (const [path, change] of Object.entries(diff.updated ?? {})) {
    entries.push({
      path,
      line: () => [
        palette.yellow(`${indent}~ ${path}`),
        palette.red(`${indent}    - ${formatValue(change?.before, width)}`),
        palette.green(`${indent}    + ${formatValue(change?.after, width)}`),
      ],
    });
  }
  entries.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  const shown =
    options.maximumEntries === undefined ? entries : entries.slice(0, options.maximumEntries);
  const lines = shown.flatMap((entry) => entry.line());
  if (shown.length < entries.length)
    lines.push(palette.dim(`${indent}… ${entries.length - shown.length} more changed paths`));
  if (diff.truncated)
    lines.push(
      palette.dim(
        `${indent}… diff truncated by the engine (${diff.totalChanges ?? 'more'} changed paths); compare the versions with \`show --version\``,
      ),
    );
  if (entries.length === 0) lines.push(palette.dim(`${indent}(no differences)`));
  return lines;
}
