import { formatCount, formatDuration, formatRelativeTime } from '../../render/format.ts';
import { html, type SafeHtml } from '../html-escape.ts';

/** Link to a resource page: the snapshot record id, url-encoded as one path segment. */
export function resourceHref(snapshotId: unknown, diff?: { from: number; to: number }): string {
  const base = `/resources/${encodeURIComponent(String(snapshotId))}`;
  return diff ? `${base}?from=${diff.from}&to=${diff.to}#diff` : base;
}

/** A status (run, scope, resource, change kind) as a coloured badge. */
export function badge(status: unknown): SafeHtml {
  const text = status === undefined || status === null || status === '' ? '-' : String(status);
  const known = /^[a-z-]+$/.test(text) ? text : 'other';
  return html`<span class="badge ${known}">${text}</span>`;
}

/** A time as `<time>`: UTC text, the browser's zone in the tooltip, and how long ago. */
export function timeOf(value: unknown, options: { relative?: boolean } = {}): SafeHtml {
  if (typeof value !== 'string' || value === '') return html`<span class="muted">-</span>`;
  const text = value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return html`<time datetime="${value}">${text}</time>${options.relative ? html` <span class="muted">(${formatRelativeTime(value)})</span>` : ''}`;
}

/** A number with thousands separators. */
export function count(value: unknown): string {
  return typeof value === 'number' ? formatCount(value) : '-';
}

/** A duration in milliseconds for people. */
export function duration(value: unknown): string {
  return typeof value === 'number' ? formatDuration(value) : '-';
}

/** A query string from parameters, leaving out empty values (repeated names from arrays). */
export function queryString(parameters: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== '') search.append(name, item);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A `<select>` with an "any" option; `autosubmit` submits the form on change (client script). */
export function selectField(options: {
  label: string;
  name: string;
  values: string[];
  selected: string | undefined;
  anyLabel?: string;
  autosubmit?: boolean;
}): SafeHtml {
  return html`<label>${options.label}<select name="${options.name}"${options.autosubmit ? html` data-autosubmit` : ''}>
<option value="">${options.anyLabel ?? 'any'}</option>
${options.values.map((value) => html`<option value="${value}"${value === options.selected ? html` selected` : ''}>${value}</option>`)}
</select></label>`;
}

/** A text `<input>` with a label. */
export function textField(options: {
  label: string;
  name: string;
  value: string | undefined;
  placeholder?: string;
  type?: string;
  size?: number;
  step?: number;
}): SafeHtml {
  return html`<label>${options.label}<input type="${options.type ?? 'text'}" name="${options.name}" value="${options.value ?? ''}" placeholder="${options.placeholder ?? ''}"${options.size ? html` size="${options.size}"` : ''}${options.step ? html` step="${options.step}"` : ''}></label>`;
}

/** Tags or labels as a two-column table, or "none". */
export function keyValueTable(values: unknown, emptyText = 'none'): SafeHtml {
  const entries =
    values && typeof values === 'object' ? Object.entries(values as Record<string, unknown>) : [];
  if (entries.length === 0) return html`<p class="muted">${emptyText}</p>`;
  return html`<div class="table-wrap"><table class="tags"><tbody>${entries.map(
    ([key, value]) =>
      html`<tr><td class="mono">${key}</td><td class="mono">${typeof value === 'string' ? value : JSON.stringify(value)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** Rows of "name, count, bar" for a count breakdown, largest first, at most `limit`. */
export function countTable(title: string, counts: Record<string, number>, limit = 12): SafeHtml {
  const entries = Object.entries(counts).sort((left, right) => right[1] - left[1]);
  const largest = Math.max(1, ...entries.map(([, value]) => value));
  const shown = entries.slice(0, limit);
  return html`<div class="panel"><h3>${title}</h3>
<table><tbody>${shown.map(
    ([name, value]) =>
      html`<tr><td class="mono">${name}</td><td class="number">${count(value)}</td><td class="bar-cell"><svg width="100%" height="10" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="1" height="8" rx="2" width="${Math.max(1, Math.round((value / largest) * 100))}" fill="#7fa6ff"></rect></svg></td></tr>`,
  )}</tbody></table>
${entries.length > limit ? html`<p class="muted">and ${entries.length - limit} more</p>` : ''}</div>`;
}
