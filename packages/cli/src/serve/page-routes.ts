import { Hono } from 'hono';
import { dashboardScript } from './assets/dashboard-script.ts';
import { dashboardStylesheet } from './assets/dashboard-stylesheet.ts';
import type { DashboardData } from './dashboard-data.ts';
import { renderChangesPage } from './pages/changes-page.ts';
import { renderInventoryPage } from './pages/inventory-page.ts';
import { renderOverviewPage } from './pages/overview-page.ts';
import { renderPage } from './pages/page-layout.ts';
import { renderResourcePage } from './pages/resource-page.ts';
import { renderRunsPage } from './pages/runs-page.ts';

/** The server-rendered pages and their two static assets. */
export function createPageRoutes(data: DashboardData, options: { storeDisplay: string }): Hono {
  const pages = new Hono();
  const page = (
    title: string,
    section: Parameters<typeof renderPage>[0]['section'],
    content: Parameters<typeof renderPage>[0]['content'],
  ) => renderPage({ title, section, storeDisplay: options.storeDisplay, content });

  pages.get('/assets/dashboard.css', (context) =>
    context.body(dashboardStylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  pages.get('/assets/dashboard.js', (context) =>
    context.body(dashboardScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );

  // Browsers ask for it on every page; no icon, and no 404 in their console.
  pages.get('/favicon.ico', (context) => context.body(null, 204));

  pages.get('/', async (context) =>
    context.html(page('Overview', 'overview', await renderOverviewPage(data))),
  );
  pages.get('/inventory', async (context) =>
    context.html(
      page('Inventory', 'inventory', await renderInventoryPage(data, context.req.queries())),
    ),
  );
  pages.get('/resources/:id', async (context) => {
    const { title, content } = await renderResourcePage(
      data,
      context.req.param('id'),
      context.req.queries(),
    );
    return context.html(page(title, 'resource', content));
  });
  pages.get('/changes', async (context) =>
    context.html(page('Changes', 'changes', await renderChangesPage(data, context.req.queries()))),
  );
  pages.get('/runs', async (context) =>
    context.html(page('Runs', 'runs', await renderRunsPage(data, context.req.queries()))),
  );
  return pages;
}
