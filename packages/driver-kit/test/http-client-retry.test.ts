import { DriverError, type RateLimitReport } from '@cloud-inventory/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createFakeProviderServer, type FakeProviderServer } from '../../testkit/src/index.ts';
import { createHttpClient, type HttpClientOptions } from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fastRetry = { baseDelayMs: 5, maximumDelayMs: 20 };

async function start(): Promise<FakeProviderServer> {
  server = await createFakeProviderServer({
    routes: {
      'GET /v1/things': { things: [1, 2, 3] },
      'GET /v1/xml': () => ({
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: '<Things><Thing>1</Thing></Things>',
      }),
      'GET /v1/broken-json': () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"oops',
      }),
    },
  });
  return server;
}

function client(fake: FakeProviderServer, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseUrl: fake.url, retry: fastRetry, ...options });
}

async function failure(promise: Promise<unknown>): Promise<DriverError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(DriverError.isInstance(error), `expected a DriverError, got ${String(error)}`).toBe(true);
  return error as DriverError;
}

describe('http client retries', () => {
  test('waits out a 429 Retry-After (1 s) and reports the throttle', async () => {
    const fake = await start();
    fake.injectFault({ path: '/v1/things', status: 429, retryAfterSeconds: 1, times: 1 });
    const reports: RateLimitReport[] = [];
    const startedAt = Date.now();
    const body = await client(fake, {
      onRateLimit: (report) => reports.push(report),
      service: 'things',
    }).getJson('/v1/things');
    expect(body).toEqual({ things: [1, 2, 3] });
    const [throttled, retried] = fake.requests;
    expect(throttled?.status).toBe(429);
    expect(retried!.receivedAt - throttled!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(reports).toContainEqual(
      expect.objectContaining({
        reason: 'throttled',
        status: 429,
        waitMs: 1000,
        retryAfterMs: 1000,
        service: 'things',
      }),
    );
  });

  test('caps a long Retry-After at maximumWaitMs', async () => {
    const fake = await start();
    fake.injectFault({ path: '/v1/things', status: 429, retryAfterSeconds: 3600, times: 1 });
    const reports: RateLimitReport[] = [];
    const startedAt = Date.now();
    await client(fake, {
      maximumWaitMs: 50,
      onRateLimit: (report) => reports.push(report),
    }).getJson('/v1/things');
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(reports[0]).toMatchObject({ reason: 'throttled', waitMs: 50, retryAfterMs: 3_600_000 });
  });

  test('a 429 that never ends fails with class throttled after the attempts', async () => {
    const fake = await start();
    fake.injectFault({ status: 429, retryAfterSeconds: 0, times: Number.POSITIVE_INFINITY });
    const error = await failure(
      client(fake, { retry: { ...fastRetry, maximumAttempts: 3 } }).getJson('/v1/things'),
    );
    expect(error.errorClass).toBe('throttled');
    expect(error.statusCode).toBe(429);
    expect(error.message).toContain('after 3 attempts');
    expect(fake.requests).toHaveLength(3);
  });

  test('retries 500/502/503 then succeeds', async () => {
    const fake = await start();
    fake.injectFault({ status: 500, times: 1 });
    fake.injectFault({ status: 502, times: 1 });
    fake.injectFault({ status: 503, times: 1, retryAfterSeconds: 0 });
    const reports: RateLimitReport[] = [];
    const retries: number[] = [];
    const answer = await client(fake, {
      onRateLimit: (report) => reports.push(report),
      onRetry: (event) => retries.push(event.status ?? 0),
    }).getJson('/v1/things');
    expect(answer).toEqual({ things: [1, 2, 3] });
    expect(fake.requests.map((entry) => entry.status)).toEqual([500, 502, 503, 200]);
    expect(retries).toEqual([500, 502, 503]);
    // Only the 503 said when to come back.
    expect(reports).toEqual([
      expect.objectContaining({ reason: 'retry-after', status: 503, waitMs: 0 }),
    ]);
  });

  test('5xx forever fails with class server, naming the call and the provider message', async () => {
    const fake = await start();
    fake.injectFault({
      status: 503,
      times: Number.POSITIVE_INFINITY,
      body: { id: 'service_unavailable', message: 'Try later' },
    });
    const error = await failure(
      client(fake).getJson('/v1/things', { query: { page: 2, api_key: 'hidden-value' } }),
    );
    expect(error.errorClass).toBe('server');
    expect(error.statusCode).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('GET /v1/things?page=2');
    expect(error.message).toContain('service_unavailable: Try later');
    expect(error.message).not.toContain('hidden-value');
    expect(fake.requests).toHaveLength(5);
  });

  test('a 404 is not retried; notEnabled turns it into class not-enabled', async () => {
    const fake = await start();
    const plain = await failure(client(fake).getJson('/v1/missing'));
    expect(plain.errorClass).toBe('unknown');
    expect(plain.statusCode).toBe(404);
    const notEnabled = await failure(client(fake).getJson('/v1/missing', { notEnabled: [404] }));
    expect(notEnabled.errorClass).toBe('not-enabled');
    expect(fake.requests).toHaveLength(2);
    const accepted = await client(fake).get('/v1/missing', { acceptStatuses: [404] });
    expect(accepted.status).toBe(404);
  });

  test('a timeout is retried, then fails with class network', async () => {
    const fake = await start();
    fake.injectFault({ latencyMs: 400, times: Number.POSITIVE_INFINITY });
    const startedAt = Date.now();
    const error = await failure(
      client(fake, { timeoutMs: 100, retry: { ...fastRetry, maximumAttempts: 2 } }).getJson(
        '/v1/things',
      ),
    );
    expect(error.errorClass).toBe('network');
    expect(error.message).toContain('timed out after 100 ms');
    expect(Date.now() - startedAt).toBeLessThan(1_500);
  });

  test('a dropped connection is retried', async () => {
    const fake = await start();
    fake.injectFault({ dropConnection: true, times: 2 });
    expect(await client(fake).getJson('/v1/things')).toEqual({ things: [1, 2, 3] });
    expect(fake.requests.map((entry) => entry.status)).toEqual([0, 0, 200]);
  });

  test('a connection refused fails with class network', async () => {
    const fake = await start();
    const url = fake.url;
    await fake.close();
    server = undefined;
    const error = await failure(
      createHttpClient({ baseUrl: url, retry: { ...fastRetry, maximumAttempts: 2 } }).getJson(
        '/v1/things',
      ),
    );
    expect(error.errorClass).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  test('the caller signal aborts a request (and its waits) promptly, without retrying', async () => {
    const fake = await start();
    fake.injectFault({ status: 429, retryAfterSeconds: 30, times: 1 });
    const controller = new AbortController();
    const startedAt = Date.now();
    const pending = client(fake).getJson('/v1/things', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('sync cancelled')), 100);
    await expect(pending).rejects.toThrow('sync cancelled');
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(1);
  });

  test('reads XML and text bodies, and reports invalid JSON as an error', async () => {
    const fake = await start();
    const xml = await client(fake).get<string>('/v1/xml', { responseType: 'text' });
    expect(xml.body).toContain('<Thing>1</Thing>');
    expect((await client(fake).get('/v1/xml')).body).toContain('<Things>');
    const error = await failure(client(fake).getJson('/v1/broken-json'));
    expect(error.message).toContain('invalid JSON');
  });

  test('sends query arrays, JSON bodies and custom headers', async () => {
    const fake = await createFakeProviderServer({
      routes: [
        {
          method: 'POST',
          path: '/v1/search',
          handler: (request) => ({
            body: {
              query: request.searchParams.getAll('id'),
              json: request.json(),
              header: request.headers['x-custom'],
            },
          }),
        },
      ],
    });
    server = fake;
    const answer = await createHttpClient({
      baseUrl: `${fake.url}/`,
      headers: { 'x-custom': 'yes' },
    }).request({
      method: 'POST',
      path: 'v1/search',
      query: { id: [1, 2], skip: undefined },
      json: { filter: 'a' },
    });
    expect(answer.body).toEqual({ query: ['1', '2'], json: { filter: 'a' }, header: 'yes' });
  });
});
