import { DriverError } from '@cloud-inventory/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createFakeProviderServer, type FakeProviderServer } from '../../testkit/src/index.ts';
import { createHttpClient } from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const routes = {
  'GET /v1/account': { account: { id: 42 } },
  'GET /v1/items': (request: { query: Record<string, string> }) => ({
    body: { page: request.query.page ?? '1' },
  }),
};

async function failure(promise: Promise<unknown>): Promise<DriverError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(DriverError.isInstance(error), `expected a DriverError, got ${String(error)}`).toBe(true);
  return error as DriverError;
}

describe('http client auth', () => {
  test('bearer: sends the token, and a wrong token fails with class auth without leaking it', async () => {
    server = await createFakeProviderServer({
      routes,
      auth: { type: 'bearer', token: 'good-token-123' },
    });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'bearer', token: 'good-token-123' },
    });
    expect(await client.getJson('/v1/account')).toEqual({ account: { id: 42 } });

    const wrong = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'bearer', token: 'wrong-token-456' },
    });
    const error = await failure(wrong.getJson('/v1/account'));
    expect(error.errorClass).toBe('auth');
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('GET /v1/account');
    expect(error.message).toContain('Unable to authenticate you');
    expect(error.message).not.toContain('wrong-token-456');
    // 401 is not retried.
    expect(server.requests.filter((entry) => entry.status === 401)).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('REDACTED');
  });

  test('basic: sends user and password', async () => {
    server = await createFakeProviderServer({
      routes,
      auth: { type: 'basic', username: 'alice', password: 's3cret-pass' },
    });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: 's3cret-pass' },
    });
    expect(await client.getJson('/v1/account')).toEqual({ account: { id: 42 } });
    const wrong = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: 'nope-nope' },
    });
    expect((await failure(wrong.getJson('/v1/account'))).errorClass).toBe('auth');
  });

  test('header: sends an API-key header', async () => {
    server = await createFakeProviderServer({
      routes,
      auth: { type: 'header', name: 'X-Auth-Key', value: 'key-123456' },
    });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'header', name: 'X-Auth-Key', value: 'key-123456' },
    });
    expect(await client.getJson('/v1/account')).toEqual({ account: { id: 42 } });
  });

  test.each([
    ['SHA-256', ['SHA-256'] as const],
    ['MD5', ['MD5'] as const],
    ['SHA-256 offered with MD5', ['MD5', 'SHA-256'] as const],
  ])(
    'digest %s: answers the challenge once, then reuses the nonce with increasing nc',
    async (_, algorithms) => {
      server = await createFakeProviderServer({
        routes,
        auth: {
          type: 'digest',
          username: 'public-key',
          password: 'private-key-789',
          algorithms: [...algorithms],
        },
      });
      const client = createHttpClient({
        baseUrl: server.url,
        auth: { type: 'digest', username: 'public-key', password: 'private-key-789' },
      });
      expect(await client.getJson('/v1/account')).toEqual({ account: { id: 42 } });
      expect(await client.getJson('/v1/items', { query: { page: 2 } })).toEqual({ page: '2' });
      expect(await client.getJson('/v1/items', { query: { page: 3 } })).toEqual({ page: '3' });
      expect(server.requests.map((entry) => entry.status)).toEqual([401, 200, 200, 200]);
    },
  );

  test('digest: a stale nonce is renewed transparently', async () => {
    server = await createFakeProviderServer({
      routes,
      auth: { type: 'digest', username: 'u-public', password: 'p-private' },
    });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'digest', username: 'u-public', password: 'p-private' },
    });
    await client.getJson('/v1/account');
    server.expireDigestNonces();
    expect(await client.getJson('/v1/account')).toEqual({ account: { id: 42 } });
    expect(server.requests.map((entry) => entry.status)).toEqual([401, 200, 401, 200]);
  });

  test('digest: a wrong password fails with class auth after one answered challenge', async () => {
    server = await createFakeProviderServer({
      routes,
      auth: { type: 'digest', username: 'u-public', password: 'p-private' },
    });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'digest', username: 'u-public', password: 'wrong-private' },
    });
    const error = await failure(client.getJson('/v1/account'));
    expect(error.errorClass).toBe('auth');
    expect(error.message).not.toContain('wrong-private');
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  test('refuses to send credentials to another origin', async () => {
    server = await createFakeProviderServer({ routes });
    const client = createHttpClient({
      baseUrl: server.url,
      auth: { type: 'bearer', token: 'good-token-123' },
    });
    const error = await failure(client.getJson('http://example.invalid/v1/account?token=abc'));
    expect(error.message).toContain('Refusing');
    expect(error.message).not.toContain('token=abc');
    expect(server.requests).toHaveLength(0);
  });
});
