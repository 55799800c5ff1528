import { formatCount } from '../../render/format.ts';
import { html, type SafeHtml } from '../html-escape.ts';
import type { PeriodChanges } from '../overview-statistics.ts';

const width = 640;
const height = 220;
const margin = { top: 12, right: 14, bottom: 30, left: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

const kindColours = {
  created: '#2e9e5b',
  updated: '#e39b25',
  deleted: '#d2453b',
  restored: '#4f7fe0',
} as const;

function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

// `12-06` for a day, `12-06 18h` for an hour.
function periodLabel(period: string): string {
  return period.length > 10 ? `${period.slice(5, 10)} ${period.slice(11, 13)}h` : period.slice(5);
}

function axes(maximum: number, days: PeriodChanges[]): SafeHtml {
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((fraction) => fraction * maximum);
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const step = plotWidth / Math.max(1, days.length);
  return html`${ticks.map((tick) => {
    const y = margin.top + plotHeight - (tick / maximum) * plotHeight;
    return html`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" stroke="#e3e7ee"></line><text x="${margin.left - 6}" y="${y + 4}" text-anchor="end">${formatCount(Math.round(tick))}</text>`;
  })}${days.map((day, index) =>
    index % labelEvery === 0
      ? html`<text x="${margin.left + step * index + step / 2}" y="${height - 10}" text-anchor="middle">${periodLabel(day.period)}</text>`
      : '',
  )}`;
}

function emptyChart(title: string): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}: no data"><text x="${width / 2}" y="${height / 2}" text-anchor="middle">no changes recorded yet</text></svg>`;
}

/** Inventory size (active resources) at the end of each period, as an inline SVG line chart. */
export function sizeChart(days: PeriodChanges[]): SafeHtml {
  const title = 'Inventory size';
  if (days.length === 0) return emptyChart(title);
  const maximum = niceMaximum(Math.max(...days.map((day) => day.size)));
  const step = plotWidth / Math.max(1, days.length);
  const points = days.map((day, index) => {
    const x = margin.left + step * index + step / 2;
    const y = margin.top + plotHeight - (day.size / maximum) * plotHeight;
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, day };
  });
  const path = points.map((point) => `${point.x},${point.y}`).join(' ');
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
${axes(maximum, days)}
<polyline points="${path}" fill="none" stroke="#2457c5" stroke-width="2"></polyline>
${points.map((point) => html`<circle cx="${point.x}" cy="${point.y}" r="3" fill="#2457c5"><title>${point.day.period}: ${formatCount(point.day.size)} resources</title></circle>`)}
</svg>`;
}

/** Changes per period stacked by kind, as an inline SVG bar chart. */
export function changesChart(days: PeriodChanges[]): SafeHtml {
  const title = 'Changes';
  if (days.length === 0) return emptyChart(title);
  const kinds = ['created', 'updated', 'deleted', 'restored'] as const;
  const totals = days.map((day) => kinds.reduce((sum, kind) => sum + day[kind], 0));
  const maximum = niceMaximum(Math.max(...totals));
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(2, Math.min(36, step * 0.7));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
${axes(maximum, days)}
${days.map((day, index) => {
  let base = margin.top + plotHeight;
  const x = Math.round((margin.left + step * index + (step - barWidth) / 2) * 10) / 10;
  return kinds.map((kind) => {
    const value = day[kind];
    if (value === 0) return '';
    const barHeight = Math.max(1, (value / maximum) * plotHeight);
    base -= barHeight;
    return html`<rect x="${x}" y="${Math.round(base * 10) / 10}" width="${Math.round(barWidth * 10) / 10}" height="${Math.round(barHeight * 10) / 10}" fill="${kindColours[kind]}"><title>${day.period}: ${formatCount(value)} ${kind}</title></rect>`;
  });
})}
</svg>
<p class="legend">${kinds.map((kind) => html`<span><i class="swatch ${kind}"></i>${kind}</span>`)}</p>`;
}
