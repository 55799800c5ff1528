import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { createFakeProviderServer, type FakeProviderServer } from '../../testkit/src/index.ts';
import { createHttpClient } from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<FakeProviderServer> {
  server = await createFakeProviderServer({
    routes: {
      'GET /v1/things': { things: [1, 2, 3] },
      'GET /v1/echo': (request) => ({
        body: {
          query: request.url.search,
          accept: request.headers.accept,
          userAgent: request.headers['user-agent'],
        },
      }),
    },
  });
  return server;
}

// Each request follows the caller's signal (runScopes hands every request the same long-lived one)
// with a listener of its own; those listeners must go when the request does.
describe('http client signals, URLs and headers', () => {
  test('leaves no listener on a long-lived caller signal once its requests are done', async () => {
    const fake = await start();
    fake.injectFault({ dropConnection: true, times: 1 });
    const client = createHttpClient({
      baseUrl: fake.url,
      retry: { baseDelayMs: 1, maximumDelayMs: 1 },
    });
    const controller = new AbortController();
    await Promise.all(
      Array.from({ length: 20 }, () => client.getJson('/v1/things', { signal: controller.signal })),
    );
    await client
      .getJson('/v1/missing', { signal: controller.signal })
      .catch((error: unknown) => error);
    expect(fake.requests).toHaveLength(22);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('a caller abort while the request is in flight rejects with its reason, without a retry', async () => {
    const fake = await start();
    fake.injectFault({ latencyMs: 10_000, times: 1 });
    const controller = new AbortController();
    const pending = createHttpClient({ baseUrl: fake.url })
      .getJson('/v1/things', { signal: controller.signal })
      .then(
        () => 'resolved',
        (error: unknown) => error,
      );
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('sync cancelled'));
    expect(((await pending) as Error).message).toBe('sync cancelled');
    expect(fake.requests).toHaveLength(1);
  });

  test("query parameters are appended to a path's own query, encoded as URLSearchParams does", async () => {
    const fake = await start();
    const client = createHttpClient({ baseUrl: fake.url });
    expect(
      client.resolveUrl('/v1/echo?a=b%20c', { d: 'e f', g: [1, 2], h: null, i: undefined }).href,
    ).toBe(`${fake.url}/v1/echo?a=b+c&d=e+f&g=1&g=2`);
    // Nothing to append: the path's query is left exactly as written.
    expect(client.resolveUrl('/v1/echo?a=b%20c', { h: null }).href).toBe(
      `${fake.url}/v1/echo?a=b%20c`,
    );
    const answer = await client.getJson<{ query: string }>('/v1/echo', {
      query: new URLSearchParams([
        ['page', '2'],
        ['filter', 'a&b'],
      ]),
    });
    expect(answer.query).toBe('?page=2&filter=a%26b');
  });

  test('request headers replace the default ones whatever their case', async () => {
    const fake = await start();
    const answer = await createHttpClient({
      baseUrl: fake.url,
      headers: { 'User-Agent': 'client-wide' },
    }).getJson('/v1/echo', { headers: { Accept: 'application/vnd.api+json' } });
    expect(answer).toEqual({
      query: '',
      accept: 'application/vnd.api+json',
      userAgent: 'client-wide',
    });
  });
});
