import { summarizeDiff } from '../../render/diff.ts';
import type { DashboardData } from '../dashboard-data.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import { parseVersionNumber, type QueryValues } from '../query-parameters.ts';
import { BadParameterError } from '../serve-errors.ts';
import { renderDiffTable } from './diff-table.ts';
import { badge, count, keyValueTable, resourceHref, timeOf } from './page-parts.ts';
import { markRedacted } from './redaction-marks.ts';

/** Pretty JSON of a configuration, escaped, with redacted values marked. */
export function configurationBlock(configuration: unknown): SafeHtml {
  return html`<pre class="configuration">${markRedacted(JSON.stringify(configuration ?? null, null, 2))}</pre>`;
}

function timeline(id: string, changes: Record<string, any>[]): SafeHtml {
  if (changes.length === 0) return html`<p class="muted">no changes recorded</p>`;
  return html`<ol class="timeline">${[...changes].reverse().map((change) => {
    const from = Number(change.fromVersion ?? 0);
    const to = Number(change.toVersion ?? 0);
    const diffLink =
      from > 0 && to > 0 && change.kind !== 'deleted'
        ? html` · <a href="${resourceHref(id, { from, to })}">diff ${from} → ${to}</a>`
        : '';
    const versions =
      change.kind === 'deleted'
        ? `last version ${change.fromVersion ?? '-'}`
        : from > 0
          ? `version ${from} → ${to}`
          : `version ${to || '-'}`;
    return html`<li class="${String(change.kind)}">${badge(change.kind)} ${versions} · ${timeOf(change.detectedAt)}${change.kind === 'updated' || change.kind === 'restored' ? html` · <span class="muted">${summarizeDiff(change.diff)}${Array.isArray(change.changedSections) && change.changedSections.length > 0 ? ` (${change.changedSections.join(', ')})` : ''}</span>` : ''}${diffLink}</li>`;
  })}</ol>`;
}

function versionSelect(name: string, versions: number[], selected: number): SafeHtml {
  return html`<label>${name === 'from' ? 'From version' : 'To version'}<select name="${name}">${versions.map(
    (version) =>
      html`<option value="${version}"${version === selected ? html` selected` : ''}>${version}</option>`,
  )}</select></label>`;
}

/** `/resources/{id}`: facts, tags and labels, configuration, version timeline and a two-version diff. */
export async function renderResourcePage(
  data: DashboardData,
  id: string,
  query: QueryValues,
): Promise<{ title: string; content: SafeHtml }> {
  const history = await data.history(id);
  const resource = history.resource as Record<string, any>;
  const snapshotId = String(resource.id ?? id);
  const versionNumbers = history.versions.map((version) => Number(version.version));
  const latest = Number(resource.latestVersion ?? 0);
  const shown = parseVersionNumber(query, 'version') ?? latest;
  const shownVersion = history.versions.find((version) => Number(version.version) === shown);
  if (!shownVersion && shown !== latest)
    throw new BadParameterError({
      parameter: 'version',
      message: `${snapshotId} has no version ${shown}; versions: ${versionNumbers.join(', ')}`,
    });
  const to = parseVersionNumber(query, 'to') ?? latest;
  const from = parseVersionNumber(query, 'from') ?? Math.max(1, to - 1);
  const diff =
    versionNumbers.length > 1 && from !== to ? await data.diff(snapshotId, { from, to }) : null;
  const title = String(resource.name ?? resource.resourceId ?? snapshotId);
  const content = html`<h1>${title} ${badge(resource.status)}</h1>
<p class="mono muted">${snapshotId}</p>
<div class="grid3">
<div class="panel"><h3>Resource</h3><dl class="facts">
<dt>cloud</dt><dd><a href="/inventory?cloud=${encodeURIComponent(String(resource.cloudId))}">${resource.cloudId}</a> (${resource.driver})</dd>
<dt>type</dt><dd class="mono">${resource.resourceType}</dd>
<dt>provider id</dt><dd class="mono">${resource.resourceId}</dd>
<dt>account</dt><dd>${resource.accountId ?? '-'}</dd>
<dt>service</dt><dd>${resource.service ?? '-'}</dd>
<dt>region</dt><dd>${resource.region ?? '-'}</dd>
<dt>status</dt><dd>${badge(resource.status)}${resource.deletedAt ? html` since ${timeOf(resource.deletedAt)}` : ''}</dd>
<dt>versions</dt><dd>${count(latest)} (${count(resource.changelogSize ?? 0)} changes)</dd>
<dt>first seen</dt><dd>${timeOf(resource.firstSeenAt, { relative: true })}</dd>
<dt>last seen</dt><dd>${timeOf(resource.lastSeenAt, { relative: true })}</dd>
<dt>last changed</dt><dd>${timeOf(resource.lastChangedAt)}</dd>
</dl></div>
<div class="panel"><h3>Tags</h3>${keyValueTable(resource.tags)}<h3>Labels</h3>${keyValueTable(resource.labels)}</div>
<div class="panel"><h3>Version timeline</h3>${timeline(snapshotId, history.changes as Record<string, any>[])}</div>
</div>
<h2 id="diff">Compare versions</h2>
${
  versionNumbers.length < 2
    ? html`<p class="muted">Only one version is stored; there is nothing to compare yet.</p>`
    : html`<form class="filters" method="get" action="${resourceHref(snapshotId)}#diff">
${versionSelect('from', versionNumbers, from)} ${versionSelect('to', versionNumbers, to)}
<button type="submit">Show diff</button></form>
${diff ? html`<p>Version ${from} (${timeOf(diff.fromCapturedAt)}) → version ${to} (${timeOf(diff.toCapturedAt)}): <strong class="diff-summary">${summarizeDiff(diff.diff as never)}</strong></p>${renderDiffTable(diff.diff as never)}` : html`<p class="muted">Pick two different versions.</p>`}`
}
<h2>Configuration <span class="muted">(version ${shown}${shownVersion ? html`, captured ${timeOf(shownVersion.capturedAt)}` : ''})</span></h2>
${shownVersion ? configurationBlock(shownVersion.configuration) : html`<p class="muted">This version is not stored (pruned by retention).</p>`}`;
  return { title, content };
}
