import { afterEach, describe, expect, test } from 'vitest';
import {
  createFakeProviderServer,
  cursorPages,
  digitalOceanPages,
  type FakeProviderServer,
  hetznerPages,
  matchAmzTarget,
  matchQueryAction,
  nextLinkPages,
  queryParameters,
  xmlResponse,
} from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const items = Array.from({ length: 5 }, (_, index) => ({ id: index + 1 }));

async function get(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${server!.url}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON.
  }
  return { status: response.status, headers: response.headers, body };
}

describe('fake provider server', () => {
  test('counts the connections it accepted: a client that keeps its sockets alive reuses them', async () => {
    server = await createFakeProviderServer({ routes: { 'GET /v1/things': { things: [] } } });
    expect(server.connectionCount).toBe(0);
    await get('/v1/things');
    const afterFirst = server.connectionCount;
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    for (let index = 0; index < 5; index += 1) await get('/v1/things');
    // NOTE: fetch may dispatch the next request before the last one's socket is back in its pool,
    // so a sequential client can hold two sockets; what matters is that it stops opening more.
    expect(server.connectionCount).toBeLessThanOrEqual(2);
    expect(server.requests).toHaveLength(6);
  });

  test("logs the query as received even when a handler edits the request's URL", async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/things': (request) => {
          request.url.searchParams.set('page', '99');
          return { body: {} };
        },
      },
    });
    await get('/v1/things?page=2&token=secret-value');
    expect(server.requests[0]?.query).toEqual({ page: '2', token: 'REDACTED' });
    expect(JSON.stringify(server.requests)).not.toContain('secret-value');
  });

  test('serves routes from a list or a map, with :params, fixtures, and a 404 for the rest', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/account': { account: { uuid: 'a-1' } },
        'GET /v1/servers/:id': (request) => ({
          body: { id: request.params.id, page: request.query.page },
        }),
        'DELETE /v1/servers/:id': () => ({ status: 204 }),
      },
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get('/v1/account')).body).toEqual({ account: { uuid: 'a-1' } });
    expect((await get('/v1/servers/42?page=3')).body).toEqual({ id: '42', page: '3' });
    expect((await get('/v1/servers/42', { method: 'DELETE' })).status).toBe(204);
    const missing = await get('/v1/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('no route for GET /v1/nothing');
  });

  test('requires the configured auth, except on routes with auth: false, and logs requests redacted', async () => {
    server = await createFakeProviderServer({
      auth: { type: 'bearer', token: 'tok-123456' },
      routes: [
        { path: '/v1/account', fixture: { ok: true } },
        { path: '/health', auth: false, fixture: { ok: true } },
      ],
    });
    expect((await get('/v1/account')).status).toBe(401);
    expect(
      (await get('/v1/account', { headers: { authorization: 'Bearer tok-123456' } })).status,
    ).toBe(200);
    expect((await get('/health')).status).toBe(200);
    expect(
      (
        await get('/v1/account?api_key=leak&page=2', {
          headers: { authorization: 'Bearer tok-123456' },
        })
      ).status,
    ).toBe(200);
    expect(server.requests.map((entry) => entry.status)).toEqual([401, 200, 200, 200]);
    expect(JSON.stringify(server.requests)).not.toContain('tok-123456');
    expect(JSON.stringify(server.requests)).not.toContain('leak');
    expect(server.requests[3]?.query).toEqual({ api_key: 'REDACTED', page: '2' });
    server.setAuth(undefined);
    expect((await get('/v1/account')).status).toBe(200);
  });

  test('injects 429 with Retry-After N times, 5xx, latency and dropped connections, then serves normally', async () => {
    server = await createFakeProviderServer({
      routes: [
        { path: '/v1/volumes', service: 'volumes', fixture: { volumes: [] } },
        { path: '/v1/other', fixture: {} },
      ],
    });
    const throttle = server.injectFault({
      path: '/v1/volumes',
      status: 429,
      retryAfterSeconds: 2,
      times: 2,
    });
    const first = await get('/v1/volumes');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await get('/v1/other')).status).toBe(200);
    expect((await get('/v1/volumes')).status).toBe(429);
    expect((await get('/v1/volumes')).status).toBe(200);
    expect(throttle.hits).toBe(2);
    expect(throttle.remaining).toBe(0);

    server.injectFault({ service: 'volumes', status: 503, times: Number.POSITIVE_INFINITY });
    expect((await get('/v1/volumes')).status).toBe(503);
    expect((await get('/v1/other')).status).toBe(200);
    server.clearFaults();

    server.injectFault({ latencyMs: 150, times: 1 });
    const startedAt = Date.now();
    expect((await get('/v1/other')).status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);

    server.injectFault({ dropConnection: true, times: 1 });
    await expect(get('/v1/other')).rejects.toThrow(/fetch failed/);
    expect((await get('/v1/other')).status).toBe(200);
    expect(server.requests.filter((entry) => entry.fault).map((entry) => entry.status)).toEqual([
      429, 429, 503, 0,
    ]);

    server.reset();
    expect(server.requests).toEqual([]);
  });

  test('adds latency to every call', async () => {
    server = await createFakeProviderServer({ routes: { 'GET /x': {} }, latencyMs: 60 });
    const startedAt = Date.now();
    await get('/x');
    await get('/x');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(115);
  });

  test('splits fixtures into DigitalOcean and Hetzner pages by the request parameters', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v2/droplets': digitalOceanPages({ key: 'droplets', items }),
        'GET /v1/servers': hetznerPages({ key: 'servers', items }),
      },
    });
    const first = (await get('/v2/droplets?per_page=2')).body;
    expect(first.droplets).toEqual([{ id: 1 }, { id: 2 }]);
    expect(first.meta).toEqual({ total: 5 });
    expect(first.links.pages.next).toBe(`${server.url}/v2/droplets?per_page=2&page=2`);
    expect(first.links.pages.last).toBe(`${server.url}/v2/droplets?per_page=2&page=3`);
    const last = (await get('/v2/droplets?per_page=2&page=3')).body;
    expect(last.droplets).toEqual([{ id: 5 }]);
    expect(last.links.pages.next).toBeUndefined();
    expect(last.links.pages.prev).toBe(`${server.url}/v2/droplets?per_page=2&page=2`);

    const hetzner = (await get('/v1/servers?page=2&per_page=2')).body;
    expect(hetzner.servers).toEqual([{ id: 3 }, { id: 4 }]);
    expect(hetzner.meta.pagination).toEqual({
      page: 2,
      per_page: 2,
      previous_page: 1,
      next_page: 3,
      last_page: 3,
      total_entries: 5,
    });
    expect((await get('/v1/servers?per_page=500')).body.meta.pagination.per_page).toBe(50);
  });

  test('serves cursor and nextLink pages', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /cursor': cursorPages({ items, defaultPageSize: 2 }),
        'GET /next': nextLinkPages({ items, pageSize: 3 }),
      },
    });
    const first = (await get('/cursor')).body;
    expect(first.items).toEqual([{ id: 1 }, { id: 2 }]);
    const second = (await get(`/cursor?cursor=${first.next_cursor}`)).body;
    expect(second.items).toEqual([{ id: 3 }, { id: 4 }]);
    const third = (await get(`/cursor?cursor=${second.next_cursor}`)).body;
    expect(third).toEqual({ items: [{ id: 5 }], next_cursor: null });

    const page = (await get('/next?api-version=1')).body;
    expect(page.value).toHaveLength(3);
    const next = new URL(page.nextLink);
    expect(next.searchParams.get('api-version')).toBe('1');
    expect((await get(`${next.pathname}${next.search}`)).body).toEqual({
      value: [{ id: 4 }, { id: 5 }],
    });
  });

  test('dispatches AWS JSON (X-Amz-Target) and query (Action=) requests and serves XML', async () => {
    server = await createFakeProviderServer({
      routes: [
        {
          method: 'POST',
          path: '/',
          match: matchAmzTarget('DynamoDB_20120810.ListTables'),
          handler: () => ({ body: { TableNames: ['t1'] } }),
        },
        {
          method: 'POST',
          path: '/',
          match: matchQueryAction('DescribeInstances'),
          handler: (request) =>
            xmlResponse(
              `<DescribeInstancesResponse><requestId>${queryParameters(request).Version}</requestId></DescribeInstancesResponse>`,
            ),
        },
      ],
    });
    const json = await get('/', {
      method: 'POST',
      headers: {
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        'content-type': 'application/x-amz-json-1.0',
      },
      body: '{}',
    });
    expect(json.body).toEqual({ TableNames: ['t1'] });
    const xml = await get('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeInstances&Version=2016-11-15',
    });
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(xml.body).toBe(
      '<DescribeInstancesResponse><requestId>2016-11-15</requestId></DescribeInstancesResponse>',
    );
    const other = await get('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeVolumes',
    });
    expect(other.status).toBe(404);
  });

  test('a handler that throws answers 500 naming the error', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /boom': () => {
          throw new Error('fixture bug');
        },
      },
    });
    const answer = await get('/boom');
    expect(answer.status).toBe(500);
    expect(answer.body.message).toContain('fixture bug');
  });
});
