import type { DashboardData } from '../dashboard-data.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import { parseLimit, type QueryValues, single } from '../query-parameters.ts';
import { badge, count, duration, selectField, timeOf } from './page-parts.ts';

type Scope = Record<string, any>;

function enrichmentErrors(scope: Scope): SafeHtml {
  const errors = Array.isArray(scope.enrichmentErrors) ? scope.enrichmentErrors : [];
  if (errors.length === 0) return html``;
  return html`<ul class="enrichment">${errors.map(
    (error: Record<string, any>) =>
      html`<li><code>${error.call}</code> ${badge(error.errorClass)} failed for ${count(error.failed)} of ${count(error.attempted)}: <span class="error-text">${error.message}</span></li>`,
  )}</ul>`;
}

function scopeTable(scopes: Scope[]): SafeHtml {
  if (scopes.length === 0) return html`<p class="muted">The driver reported no scopes.</p>`;
  const ordered = [...scopes].sort((left, right) => {
    const rank = (scope: Scope) =>
      scope.status === 'failed'
        ? 0
        : scope.enrichmentErrors?.length
          ? 1
          : scope.status === 'skipped'
            ? 2
            : 3;
    return rank(left) - rank(right);
  });
  return html`<div class="table-wrap"><table class="scopes"><thead><tr><th>Service</th><th>Region</th><th>Outcome</th><th>Error class</th><th>Call</th><th>Error / denied calls</th><th class="number">Resources</th><th class="number">Duration</th></tr></thead>
<tbody>${ordered.map(
    (
      scope,
    ) => html`<tr><td>${scope.service}</td><td>${scope.region}</td><td>${badge(scope.status)}</td>
<td>${scope.errorClass ?? ''}</td><td><code>${scope.call ?? ''}</code></td>
<td>${scope.error ? html`<span class="error-text">${scope.error}</span>` : ''}${enrichmentErrors(scope)}</td>
<td class="number">${count(scope.resourceCount)}</td><td class="number">${duration(scope.durationMs)}</td></tr>`,
  )}</tbody></table></div>`;
}

function runErrors(run: Record<string, any>): SafeHtml {
  const errors = Object.entries(
    (run.errors ?? {}) as Record<string, { count?: number; messages?: string[] }>,
  );
  if (errors.length === 0) return html``;
  return html`<ul class="run-errors">${errors.map(
    ([errorClass, entry]) =>
      html`<li>${badge(errorClass)} ${count(entry.count)}: ${(entry.messages ?? []).slice(0, 5).map((message) => html`<div class="error-text mono">${message}</div>`)}</li>`,
  )}</ul>`;
}

function runRow(run: Record<string, any>, open: boolean): SafeHtml {
  const scopes = (Array.isArray(run.scopes) ? run.scopes : []) as Scope[];
  const failed = scopes.filter((scope) => scope.status === 'failed').length;
  const denied = scopes.reduce((sum, scope) => sum + (scope.enrichmentErrors?.length ?? 0), 0);
  const counts = run.counts ?? {};
  return html`<details class="run panel"${open ? html` open` : ''}><summary>${badge(run.status)} <strong>${run.cloudId}</strong> · ${timeOf(run.startedAt, { relative: true })} · ${duration(run.durationMs)} · ${count(counts.processed)} resources (${count(counts.created)} created, ${count(counts.updated)} updated, ${count(counts.deleted)} deleted) · ${count(scopes.length)} scopes${failed > 0 ? html`, <span class="error-text">${count(failed)} failed</span>` : ''}${denied > 0 ? html`, <span class="error-text">${count(denied)} denied calls</span>` : ''}</summary>
<p class="muted mono">run ${run.runId} · worker ${run.worker ?? '-'}</p>
${runErrors(run)}
${scopeTable(scopes)}
</details>`;
}

/** `/runs`: recent runs per cloud with per-scope outcome, errors and denied calls. */
export async function renderRunsPage(data: DashboardData, query: QueryValues): Promise<SafeHtml> {
  const cloud = single(query, 'cloud');
  const limit = parseLimit(query, { fallback: cloud ? 20 : 5, maximum: 200 });
  const runs = await data.runs(cloud, limit);
  const byCloud = new Map<string, Record<string, unknown>[]>();
  for (const run of runs) {
    const list = byCloud.get(String(run.cloudId)) ?? [];
    list.push(run);
    byCloud.set(String(run.cloudId), list);
  }
  return html`<h1>Runs</h1>
<form class="filters" method="get" action="/runs">
${selectField({ label: 'Cloud', name: 'cloud', values: data.cloudIds, selected: cloud, anyLabel: 'every cloud', autosubmit: true })}
${selectField({ label: 'Runs per cloud', name: 'limit', values: ['5', '10', '20', '50'], selected: single(query, 'limit'), anyLabel: 'default', autosubmit: true })}
<button type="submit">Apply</button></form>
${runs.length === 0 ? html`<p class="panel muted">No runs recorded.</p>` : ''}
${[...byCloud].map(
  ([cloudId, list]) =>
    html`<h2>${cloudId}</h2>${list.map((run, index) => {
      const record = run as Record<string, any>;
      return runRow(record, index === 0 && record.status !== 'succeeded');
    })}`,
)}`;
}
