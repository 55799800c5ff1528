/** The dashboard's stylesheet, served as `/assets/dashboard.css` (the CSP allows no inline style). */
export const dashboardStylesheet = `
:root { --ink: #1d2330; --muted: #5d6677; --line: #dde2ea; --panel: #ffffff; --page: #f4f6f9;
  --accent: #2457c5; --good: #1f7a45; --warn: #a35b00; --bad: #b3261e; --added: #e6f4ea;
  --removed: #fce8e6; --updated: #fff4e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  background: var(--page); }
header.top { background: #16213a; color: #fff; padding: 0 24px; display: flex; align-items: center;
  gap: 28px; height: 52px; }
header.top .brand { font-weight: 700; letter-spacing: .2px; }
header.top nav a { color: #c8d3ea; text-decoration: none; margin-right: 18px; padding: 15px 0; }
header.top nav a.current { color: #fff; border-bottom: 2px solid #7fa6ff; }
header.top .store { margin-left: auto; color: #8d9bb8; font-size: 12px; }
main { padding: 20px 24px 48px; max-width: 1400px; }
h1 { font-size: 20px; margin: 4px 0 16px; }
h2 { font-size: 16px; margin: 26px 0 10px; }
h3 { font-size: 14px; margin: 0 0 8px; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.mono, code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 14px; }
.grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 14px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 14px; }
table { border-collapse: collapse; width: 100%; background: var(--panel); }
th, td { text-align: left; padding: 6px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); background: #f8f9fb; }
td.nowrap { white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { border: 1px solid var(--line); border-radius: 8px; overflow: auto; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  background: #e8ebf1; color: var(--ink); }
.badge.succeeded, .badge.active, .badge.created, .badge.restored, .badge.complete { background: #dff3e6; color: var(--good); }
.badge.partial, .badge.updated, .badge.skipped, .badge.running { background: #fff1d6; color: var(--warn); }
.badge.failed, .badge.deleted, .badge.interrupted { background: #fde4e1; color: var(--bad); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
form.filters { display: flex; flex-wrap: wrap; gap: 10px 12px; align-items: end; margin-bottom: 14px;
  background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
input, select, button { font: inherit; padding: 5px 8px; border: 1px solid #c5ccd8; border-radius: 6px; background: #fff; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
a.button-link { padding: 5px 10px; }
.pager { margin: 12px 0; display: flex; gap: 14px; align-items: center; }
.bar { display: inline-block; height: 9px; background: #7fa6ff; border-radius: 3px; vertical-align: middle; }
.bar-cell { width: 40%; }
.diff td.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; }
.diff tr.added td { background: var(--added); }
.diff tr.removed td { background: var(--removed); }
.diff tr.updated td { background: var(--updated); }
.diff .sign { font-weight: 700; width: 2ch; }
pre.configuration { background: #f8f9fb; border: 1px solid var(--line); border-radius: 8px; padding: 12px;
  overflow: auto; max-height: 520px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.redacted { background: #ece7fb; color: #5b3cc4; border-radius: 4px; padding: 0 3px; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { padding: 6px 0 6px 14px; border-left: 3px solid var(--line); margin-left: 4px; }
ol.timeline li.deleted { border-left-color: var(--bad); }
ol.timeline li.created, ol.timeline li.restored { border-left-color: var(--good); }
ol.timeline li.updated { border-left-color: var(--warn); }
.error-text { color: var(--bad); }
.notice { background: #fff7e0; border: 1px solid #f0d48a; border-radius: 8px; padding: 8px 12px; margin-bottom: 12px; }
details summary { cursor: pointer; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 11px; fill: #5d6677; font-family: system-ui, sans-serif; }
.legend span { margin-right: 12px; font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
.swatch.created { background: #2e9e5b; } .swatch.updated { background: #e39b25; }
.swatch.deleted { background: #d2453b; } .swatch.restored { background: #4f7fe0; }
`;
