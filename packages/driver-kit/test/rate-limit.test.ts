import type { RateLimitReport } from '@cloud-inventory/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createFakeProviderServer, type FakeProviderServer } from '../../testkit/src/index.ts';
import {
  createHttpClient,
  parseRateLimitHeaders,
  parseResetValue,
  parseRetryAfter,
} from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('rate-limit headers', () => {
  test('DigitalOcean: RateLimit-* with an epoch-seconds reset', () => {
    const headers = new Headers({
      'ratelimit-limit': '5000',
      'ratelimit-remaining': '4999',
      'ratelimit-reset': String(now / 1000 + 60),
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({
      limit: 5000,
      remaining: 4999,
      resetAt: now + 60_000,
    });
  });

  test('Hetzner: X-RateLimit-* with an epoch-seconds reset', () => {
    const headers = new Headers({
      'x-ratelimit-limit': '3600',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 5),
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({
      limit: 3600,
      remaining: 0,
      resetAt: now + 5_000,
    });
  });

  test('IETF draft forms: delta seconds and the structured RateLimit field', () => {
    expect(
      parseRateLimitHeaders(
        new Headers({ 'ratelimit-remaining': '7', 'ratelimit-reset': '30' }),
        now,
      ),
    ).toEqual({
      remaining: 7,
      resetAt: now + 30_000,
    });
    expect(parseRateLimitHeaders(new Headers({ ratelimit: '"default";r=50;t=30' }), now)).toEqual({
      remaining: 50,
      resetAt: now + 30_000,
    });
    expect(
      parseRateLimitHeaders(new Headers({ ratelimit: 'limit=100, remaining=2, reset=4' }), now),
    ).toEqual({
      limit: 100,
      remaining: 2,
      resetAt: now + 4_000,
    });
    expect(
      parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), now),
    ).toBeUndefined();
  });

  test('reset values: epoch ms, HTTP dates, garbage', () => {
    expect(parseResetValue(String(now + 1234), now)).toBe(now + 1234);
    expect(parseResetValue(new Date(now + 10_000).toUTCString(), now)).toBe(now + 10_000);
    expect(parseResetValue('soon', now)).toBeUndefined();
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter(new Date(now + 3000).toUTCString(), now)).toBe(3000);
    expect(parseRetryAfter('later', now)).toBeUndefined();
  });
});

describe('rate-limit pacing', () => {
  test('remaining 0 with a reset 1 s ahead makes the next call wait for it, and reports it', async () => {
    let calls = 0;
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/servers': () => {
          calls += 1;
          // Epoch seconds with a fraction, so the reset is exactly 1 s ahead.
          const resetSeconds = (Date.now() + 1000) / 1000;
          return {
            headers: {
              'x-ratelimit-limit': '3600',
              'x-ratelimit-remaining': calls === 1 ? '0' : '3599',
              'x-ratelimit-reset': String(resetSeconds),
            },
            body: { servers: [] },
          };
        },
      },
    });
    const reports: RateLimitReport[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      service: 'servers',
      onRateLimit: (report) => reports.push(report),
    });
    await client.getJson('/v1/servers');
    const resetAt = Date.parse(String(reports[0]?.resetAt));
    await client.getJson('/v1/servers');
    const [first, second] = server.requests;
    expect(second!.receivedAt).toBeGreaterThanOrEqual(resetAt - 20);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(reports[0]).toMatchObject({
      reason: 'headers',
      remaining: 0,
      limit: 3600,
      service: 'servers',
    });
    const paced = reports.find((report) => report.reason === 'paced');
    expect(paced?.waitMs).toBeGreaterThan(800);
    expect(paced?.waitMs).toBeLessThanOrEqual(1000);
    // After the wait the budget is read again from the next response.
    await client.getJson('/v1/servers');
    expect(reports.filter((report) => report.reason === 'paced')).toHaveLength(1);
  });

  test('a bogus reset far in the future is capped by maximumWaitMs', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/servers': () => ({
          headers: {
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 86_400),
          },
          body: {},
        }),
      },
    });
    const reports: RateLimitReport[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      maximumWaitMs: 100,
      onRateLimit: (report) => reports.push(report),
    });
    await client.getJson('/v1/servers');
    const startedAt = Date.now();
    await client.getJson('/v1/servers');
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(reports.find((report) => report.reason === 'paced')?.waitMs).toBe(100);
  });

  test('concurrent calls share the budget: only `remaining` calls go out before the reset', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/servers': () => ({
          headers: {
            'ratelimit-remaining': '2',
            'ratelimit-reset': String((Date.now() + 600) / 1000),
          },
          body: {},
        }),
      },
    });
    const client = createHttpClient({ baseUrl: server.url });
    await client.getJson('/v1/servers');
    const startedAt = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => client.getJson('/v1/servers')));
    const times = server.requests
      .slice(1)
      .map((entry) => entry.receivedAt - startedAt)
      .sort((left, right) => left - right);
    expect(times[1]).toBeLessThan(300);
    expect(times[2]).toBeGreaterThanOrEqual(400);
  });

  test('pacing can be turned off', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/servers': () => ({
          headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '5' },
          body: {},
        }),
      },
    });
    const client = createHttpClient({ baseUrl: server.url, pacingThreshold: false });
    const startedAt = Date.now();
    await client.getJson('/v1/servers');
    await client.getJson('/v1/servers');
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });
});
