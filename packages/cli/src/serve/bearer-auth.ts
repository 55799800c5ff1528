import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

/** Cookie a browser keeps the token in after opening `/?token=...` once. */
export const tokenCookieName = 'cloud_inventory_token';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

function presentedToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return match ? (match[1] as string).trim() : undefined;
}

/**
 * Require `Authorization: Bearer <token>` on every request (or the token cookie a browser gets by
 * opening any page once with `?token=<token>`); anything else is 401.
 */
export function bearerAuthMiddleware(token: string): MiddlewareHandler {
  return async (context, next) => {
    const fromHeader = presentedToken(context.req.header('authorization'));
    const fromCookie = getCookie(context, tokenCookieName);
    const fromQuery = context.req.query('token');
    if (tokenMatches(fromHeader, token) || tokenMatches(fromCookie, token)) return next();
    if (tokenMatches(fromQuery, token) && context.req.method === 'GET') {
      // Swap the token in the address bar for a cookie: it then stays out of history and logs.
      const url = new URL(context.req.url);
      url.searchParams.delete('token');
      context.header(
        'Set-Cookie',
        `${tokenCookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
      // One leading slash only: `//evil.example/x` would be a redirect to another host.
      return context.redirect(`${url.pathname.replace(/^\/+/, '/')}${url.search}`, 303);
    }
    context.header('WWW-Authenticate', 'Bearer realm="cloud-inventory"');
    return context.json(
      {
        error: 'unauthorized',
        message:
          'this server needs a bearer token: send `Authorization: Bearer <token>` (the --token or CLOUD_INVENTORY_TOKEN of `cloud-inventory serve`)',
      },
      401,
    );
  };
}
