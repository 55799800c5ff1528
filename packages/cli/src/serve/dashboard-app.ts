import { Hono } from 'hono';
import { maskCredentials } from '../store/mask-credentials.ts';
import { createApiRoutes } from './api-routes.ts';
import { bearerAuthMiddleware } from './bearer-auth.ts';
import type { DashboardData } from './dashboard-data.ts';
import { html } from './html-escape.ts';
import { createPageRoutes } from './page-routes.ts';
import { renderPage } from './pages/page-layout.ts';
import { securityHeadersMiddleware } from './security-headers.ts';
import { HttpError } from './serve-errors.ts';

/** Options of `createDashboardApp`. */
export interface DashboardAppOptions {
  /** The queries. */
  data: DashboardData;
  /** The store as shown in the header (credentials masked). */
  storeDisplay: string;
  /** Bearer token every request must carry; none on loopback. */
  token?: string;
  /** Called with unexpected errors (logged by the command). */
  onError?: (error: unknown) => void;
}

const methodNotAllowed = {
  error: 'method-not-allowed',
  message: 'this server is read-only: GET only',
};

/**
 * The dashboard as a Hono app: security headers on every response, the bearer token when set,
 * GET only, `/api/*` JSON and the pages; errors become 400/404 with a message, never a stack.
 */
export function createDashboardApp(options: DashboardAppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeadersMiddleware());
  if (options.token) app.use('*', bearerAuthMiddleware(options.token));
  app.use('*', async (context, next) => {
    if (context.req.method !== 'GET' && context.req.method !== 'HEAD') {
      context.header('Allow', 'GET, HEAD');
      return context.json(methodNotAllowed, 405);
    }
    return next();
  });
  app.route('/api', createApiRoutes(options.data));
  app.route('/', createPageRoutes(options.data, { storeDisplay: options.storeDisplay }));

  app.notFound((context) => {
    const message = `nothing at ${context.req.path}`;
    if (context.req.path.startsWith('/api/'))
      return context.json({ error: 'not-found', message }, 404);
    return context.html(errorPage(404, message, options.storeDisplay), 404);
  });
  app.onError((error, context) => {
    const known = HttpError.isInstance(error);
    if (!known) options.onError?.(error);
    const status = known ? error.status : 500;
    const message = known
      ? error.message
      : `internal error: ${maskCredentials(error instanceof Error ? error.message : String(error))}`;
    const code = known ? error.code : 'internal';
    if (context.req.path.startsWith('/api/')) return context.json({ error: code, message }, status);
    return context.html(errorPage(status, message, options.storeDisplay), status);
  });
  return app;
}

function errorPage(status: number, message: string, storeDisplay: string): string {
  return renderPage({
    title: status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Error',
    section: 'error',
    storeDisplay,
    content: html`<h1>${status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Error'}</h1>
<p class="panel error-message">${message}</p><p><a href="/">Back to the overview</a></p>`,
  });
}
