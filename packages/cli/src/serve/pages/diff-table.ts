import type { ConfigurationDiff } from '@cloud-inventory/core';
import { html, type SafeHtml } from '../html-escape.ts';
import { markRedacted } from './redaction-marks.ts';

function valueText(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}

/** A diff as a table of leaf paths in path order: `+` added, `-` removed, `~` updated (before, after). */
export function renderDiffTable(diff: Partial<ConfigurationDiff>): SafeHtml {
  const rows: Array<{
    path: string;
    kind: 'added' | 'removed' | 'updated';
    before?: unknown;
    after?: unknown;
  }> = [];
  for (const [path, value] of Object.entries(diff.added ?? {}))
    rows.push({ path, kind: 'added', after: value });
  for (const [path, value] of Object.entries(diff.removed ?? {}))
    rows.push({ path, kind: 'removed', before: value });
  for (const [path, change] of Object.entries(diff.updated ?? {}))
    rows.push({ path, kind: 'updated', before: change.before, after: change.after });
  rows.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  if (rows.length === 0) return html`<p class="muted">The two versions are identical.</p>`;
  const signs = { added: '+', removed: '-', updated: '~' } as const;
  return html`<div class="table-wrap"><table class="diff"><thead><tr><th></th><th>Path</th><th>Before</th><th>After</th></tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr class="${row.kind}" data-kind="${row.kind}"><td class="sign">${signs[row.kind]}</td><td class="path">${row.path}</td><td class="mono">${markRedacted(valueText(row.before))}</td><td class="mono">${markRedacted(valueText(row.after))}</td></tr>`,
  )}</tbody></table></div>
${diff.truncated ? html`<p class="notice">The diff was capped; ${diff.totalChanges ?? 'more'} paths changed in total.</p>` : ''}`;
}
