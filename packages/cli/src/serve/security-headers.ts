import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response: scripts and styles only from this server's own
 * files (no inline script, no `eval`), no frames, no plugins, forms and links to this origin.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers set on every response (pages, API, errors). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Middleware that adds `securityHeaders` to every response (no CORS headers are ever set). */
export function securityHeadersMiddleware(): MiddlewareHandler {
  return async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders))
      context.res.headers.set(name, value);
  };
}
