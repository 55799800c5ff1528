import type { DashboardData } from '../dashboard-data.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import {
  parseCursor,
  parseLimit,
  parseMoment,
  parseResourceFilter,
  type QueryValues,
  single,
} from '../query-parameters.ts';
import {
  badge,
  count,
  queryString,
  resourceHref,
  selectField,
  textField,
  timeOf,
} from './page-parts.ts';

/** The filter form shared by the inventory and changes pages. */
export function filterFields(
  data: DashboardData,
  query: QueryValues,
  options: { withTags: boolean },
): SafeHtml {
  return html`${selectField({ label: 'Cloud', name: 'cloud', values: data.cloudIds, selected: single(query, 'cloud'), autosubmit: true })}
${selectField({ label: 'Provider', name: 'provider', values: data.drivers, selected: single(query, 'provider'), autosubmit: true })}
${textField({ label: 'Type', name: 'type', value: single(query, 'type'), placeholder: 'aws.ec2.instance' })}
${textField({ label: 'Region', name: 'region', value: single(query, 'region'), placeholder: 'eu-west-1', size: 12 })}
${options.withTags ? (query.tag ?? ['']).map((tag) => textField({ label: 'Tag', name: 'tag', value: tag, placeholder: 'key=value', size: 14 })) : ''}
${textField({ label: 'Name', name: 'name', value: single(query, 'name'), placeholder: 'part of name or id', size: 16 })}`;
}

function pager(path: string, query: QueryValues, cursor: string | undefined): SafeHtml {
  const current = Object.fromEntries(
    Object.entries(query).filter(([name]) => name !== 'cursor'),
  ) as Record<string, string[]>;
  return html`<div class="pager">${single(query, 'cursor') ? html`<a href="${path}${queryString(current)}">« first page</a>` : ''}${cursor ? html`<a class="next-page" href="${path}${queryString({ ...current, cursor })}">next page »</a>` : html`<span class="muted">last page</span>`}</div>`;
}

function currentTable(items: Record<string, any>[]): SafeHtml {
  return html`<div class="table-wrap"><table class="inventory"><thead><tr>
<th>Name</th><th>Type</th><th>Cloud</th><th>Region</th><th>Status</th><th class="number">Version</th><th>Last changed</th></tr></thead>
<tbody>${items.map(
    (
      item,
    ) => html`<tr><td><a href="${resourceHref(item.id)}">${item.name ?? item.resourceId}</a><div class="muted mono">${item.resourceId}</div></td>
<td class="mono">${item.resourceType}</td><td>${item.cloudId}</td><td>${item.region ?? '-'}</td>
<td>${badge(item.status)}</td><td class="number">${count(item.latestVersion)}</td><td>${timeOf(item.lastChangedAt ?? item.firstSeenAt)}</td></tr>`,
  )}</tbody></table></div>`;
}

function asOfTable(items: Record<string, any>[]): SafeHtml {
  return html`<div class="table-wrap"><table class="inventory"><thead><tr>
<th>Name</th><th>Type</th><th>Cloud</th><th>Region</th><th class="number">Version then</th><th>Deleted since</th></tr></thead>
<tbody>${items.map(
    (
      item,
    ) => html`<tr><td><a href="${resourceHref(item.snapshotId)}">${item.name ?? item.resourceId}</a><div class="muted mono">${item.resourceId}</div></td>
<td class="mono">${item.resourceType}</td><td>${item.cloudId}</td><td>${item.region ?? '-'}</td>
<td class="number">${count(item.version)}</td><td>${item.deletedSince ? timeOf(item.deletedSince) : html`<span class="muted">still there</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}

/** `/inventory`: filtered, cursor-paged table of resources; with `at`, the inventory at that time. */
export async function renderInventoryPage(
  data: DashboardData,
  query: QueryValues,
): Promise<SafeHtml> {
  const filter = parseResourceFilter(query);
  const limit = parseLimit(query, { fallback: 50, maximum: 500 });
  const cursor = parseCursor(query);
  const at = parseMoment(query, 'at', new Date());
  const page = at
    ? await data.inventoryAt(at, filter, { limit, ...(cursor ? { cursor } : {}) })
    : await data.resources(filter, { limit, ...(cursor ? { cursor } : {}) });
  const status = single(query, 'status');
  const atValue = single(query, 'at');
  return html`<h1>Inventory${at ? html` <span class="muted">as of ${timeOf(at.toISOString())}</span>` : ''}</h1>
<form class="filters" method="get" action="/inventory">
${filterFields(data, query, { withTags: true })}
${selectField({ label: 'Status', name: 'status', values: ['active', 'deleted', 'all'], selected: status, anyLabel: 'active (default)', autosubmit: true })}
${textField({ label: 'As of (UTC)', name: 'at', value: atValue && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(atValue) ? atValue.slice(0, 19) : atValue, type: 'datetime-local', step: 1 })}
${selectField({ label: 'Per page', name: 'limit', values: [...new Set(['25', '50', '100', '250', String(limit)])].sort((left, right) => Number(left) - Number(right)), selected: single(query, 'limit'), anyLabel: 'default (50)', autosubmit: true })}
<button type="submit">Apply</button> <a class="button-link" href="/inventory">Reset</a>
</form>
${at ? html`<p class="notice">Showing the inventory as it was at ${timeOf(at.toISOString())}, rebuilt from the change feed (deleted-since resources included). <a href="/inventory${queryString({ ...Object.fromEntries(Object.entries(query).filter(([name]) => name !== 'at' && name !== 'cursor')) })}">Back to now</a></p>` : ''}
${page.items.length === 0 ? html`<p class="panel muted">No resources match.</p>` : at ? asOfTable(page.items as Record<string, any>[]) : currentTable(page.items as Record<string, any>[])}
${pager('/inventory', query, page.cursor)}`;
}
