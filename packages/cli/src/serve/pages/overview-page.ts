import type { DashboardData } from '../dashboard-data.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import { badge, count, countTable, duration, queryString, timeOf } from './page-parts.ts';
import { changesChart, sizeChart } from './svg-charts.ts';

type Scope = {
  service?: string;
  region?: string;
  status?: string;
  errorClass?: string;
};

function scopeCoverage(scopes: Scope[] | undefined): SafeHtml {
  if (!Array.isArray(scopes) || scopes.length === 0)
    return html`<span class="muted">no scopes reported</span>`;
  const complete = scopes.filter((scope) => scope.status === 'complete').length;
  const skipped = scopes.filter((scope) => scope.status === 'skipped').length;
  const failed = scopes.filter((scope) => scope.status === 'failed');
  const byClass = new Map<string, number>();
  for (const scope of failed)
    byClass.set(
      scope.errorClass ?? 'unknown',
      (byClass.get(scope.errorClass ?? 'unknown') ?? 0) + 1,
    );
  return html`${count(complete)} complete${failed.length > 0 ? html`, <span class="error-text">${count(failed.length)} failed (${[...byClass].map(([errorClass, number]) => `${errorClass} ${number}`).join(', ')})</span>` : ''}${skipped > 0 ? html`, ${count(skipped)} skipped` : ''}`;
}

function cloudCard(cloud: Record<string, any>): SafeHtml {
  const summary = cloud.summary ?? {};
  const run = cloud.lastRun ?? {};
  const status = run.status ?? cloud.status;
  return html`<div class="panel cloud-card" data-cloud="${cloud.cloudId}">
<h3><a href="/runs${queryString({ cloud: cloud.cloudId })}">${cloud.cloudId}</a> ${badge(status)}</h3>
<dl class="facts">
<dt>driver</dt><dd>${cloud.driver ?? '-'}</dd>
<dt>last run</dt><dd>${timeOf(run.startedAt ?? summary.lastRunAt, { relative: true })}</dd>
<dt>duration</dt><dd>${duration(run.durationMs ?? summary.lastResult?.durationMs)}</dd>
<dt>scopes</dt><dd>${scopeCoverage(run.scopes)}</dd>
<dt>resources</dt><dd><a href="/inventory${queryString({ cloud: cloud.cloudId })}">${count(summary.totalResources ?? cloud.activeResources)}</a></dd>
<dt>versions</dt><dd>${count(summary.totalVersions)}</dd>
${summary.lastError?.reason && status !== 'succeeded' ? html`<dt>error</dt><dd class="error-text">${summary.lastError.reason}</dd>` : ''}
</dl></div>`;
}

/** `/`: every cloud's last run and coverage, counts by provider, type and region, and two charts. */
export async function renderOverviewPage(data: DashboardData): Promise<SafeHtml> {
  const overview = await data.overview();
  const total = Object.values(overview.byProvider).reduce((sum, value) => sum + value, 0);
  // A history of a day or two reads better per hour than as one or two bars.
  const hourly = overview.days.length <= 2 && overview.hours.length > 1;
  const series = hourly ? overview.hours : overview.days;
  const unit = hourly ? 'hour' : 'day';
  return html`<h1>Overview <span class="muted">· ${count(total)} active resources in ${count(overview.clouds.length)} clouds</span></h1>
<div class="grid">${overview.clouds.map((cloud) => cloudCard(cloud as Record<string, any>))}</div>
<h2>Over the retained history${series.length > 0 ? html` <span class="muted">(${series[0]?.period} to ${series.at(-1)?.period}, UTC ${unit}s with changes)</span>` : ''}</h2>
<div class="charts">
<div class="panel"><h3>Inventory size at the end of each ${unit}</h3>${sizeChart(series)}</div>
<div class="panel"><h3>Changes per ${unit}</h3>${changesChart(series)}</div>
</div>
<h2>Resources</h2>
<div class="grid3">
${countTable('By provider', overview.byProvider)}
${countTable('By type', overview.byType)}
${countTable('By region', overview.byRegion)}
</div>`;
}
