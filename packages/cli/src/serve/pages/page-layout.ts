import { html, type SafeHtml } from '../html-escape.ts';

/** Sections of the navigation bar. */
export type PageSection = 'overview' | 'inventory' | 'changes' | 'runs' | 'resource' | 'error';

const sections: Array<{ section: PageSection; label: string; href: string }> = [
  { section: 'overview', label: 'Overview', href: '/' },
  { section: 'inventory', label: 'Inventory', href: '/inventory' },
  { section: 'changes', label: 'Changes', href: '/changes' },
  { section: 'runs', label: 'Runs', href: '/runs' },
];

/** A whole page: head (own stylesheet and script only), navigation, the store it reads, content. */
export function renderPage(options: {
  title: string;
  section: PageSection;
  storeDisplay: string;
  content: SafeHtml;
}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Cloud Inventory</title>
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/dashboard.js" defer></script>
</head>
<body>
<header class="top">
<span class="brand">Cloud Inventory</span>
<nav>${sections.map(
    (entry) =>
      html`<a href="${entry.href}"${entry.section === options.section ? html` class="current" aria-current="page"` : ''}>${entry.label}</a>`,
  )}</nav>
<span class="store" title="store (credentials masked)">${options.storeDisplay}</span>
</header>
<main>
${options.content}
</main>
</body>
</html>
`.text;
}
