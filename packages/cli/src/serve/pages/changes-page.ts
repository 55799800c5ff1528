import type { DashboardData } from '../dashboard-data.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import { changeKinds, changeQueryFrom, type QueryValues, single } from '../query-parameters.ts';
import { filterFields } from './inventory-page.ts';
import { badge, queryString, resourceHref, selectField, textField, timeOf } from './page-parts.ts';

function changeLink(item: Record<string, any>): SafeHtml {
  const version = Number(item.version ?? 0);
  if ((item.kind === 'updated' || item.kind === 'restored') && version > 1)
    return html`<a href="${resourceHref(item.snapshotId, { from: version - 1, to: version })}">diff ${version - 1} → ${version}</a>`;
  return html`<a href="${resourceHref(item.snapshotId)}">resource</a>`;
}

/** `/changes`: the change feed, newest first, with the inventory's filters plus kind and time range. */
export async function renderChangesPage(
  data: DashboardData,
  query: QueryValues,
): Promise<SafeHtml> {
  const withDefaults: QueryValues = {
    ...query,
    since: query.since ?? ['7d'],
    order: query.order ?? ['desc'],
  };
  const { filter, options } = changeQueryFrom(withDefaults, new Date(), { limit: 100 });
  const page = await data.changes(filter, options);
  const current = Object.fromEntries(
    Object.entries(query).filter(([name]) => name !== 'cursor'),
  ) as Record<string, string[]>;
  return html`<h1>Changes <span class="muted">since ${timeOf(filter.since)}${filter.until ? html` until ${timeOf(filter.until)}` : ''}</span></h1>
<form class="filters" method="get" action="/changes">
${filterFields(data, query, { withTags: false })}
${selectField({ label: 'Kind', name: 'kind', values: [...changeKinds], selected: single(query, 'kind'), autosubmit: true })}
${textField({ label: 'Since', name: 'since', value: single(query, 'since'), placeholder: '7d or 2026-01-31', size: 14 })}
${textField({ label: 'Until', name: 'until', value: single(query, 'until'), placeholder: 'now', size: 14 })}
<button type="submit">Apply</button> <a class="button-link" href="/changes">Reset</a>
</form>
${
  page.items.length === 0
    ? html`<p class="panel muted">No changes match.</p>`
    : html`<div class="table-wrap"><table class="changes"><thead><tr><th>Detected</th><th>Kind</th><th>Resource</th><th>Type</th><th>Cloud</th><th>Region</th><th class="number">Version</th><th></th></tr></thead>
<tbody>${(page.items as Record<string, any>[]).map(
        (
          item,
        ) => html`<tr><td class="nowrap">${timeOf(item.detectedAt)}</td><td>${badge(item.kind)}</td>
<td><a href="${resourceHref(item.snapshotId)}">${item.name ?? item.resourceId}</a></td><td class="mono">${item.resourceType}</td>
<td>${item.cloudId}</td><td>${item.region ?? '-'}</td><td class="number">${item.version}</td><td class="nowrap">${changeLink(item)}</td></tr>`,
      )}</tbody></table></div>`
}
<div class="pager">${single(query, 'cursor') ? html`<a href="/changes${queryString(current)}">« newest</a>` : ''}${page.cursor ? html`<a class="next-page" href="/changes${queryString({ ...current, cursor: page.cursor })}">older »</a>` : html`<span class="muted">end of the window</span>`}</div>`;
}
