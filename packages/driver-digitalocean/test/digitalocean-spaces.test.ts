import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spacesEndpointFor } from '../src/digitalocean-options.ts';
import { spacesSkippedReason } from '../src/driver.ts';
import {
  type FakeDigitalOcean,
  listWith,
  startFakeDigitalOcean,
} from './digitalocean-test-helpers.ts';
import { digitalOceanCredentials } from './fixtures/digitalocean-fixtures.ts';

const invalidKeyXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidAccessKeyId</Code><Message></Message><RequestId>tx0000000000000000000-0000000000-000000-nyc3a</RequestId><HostId>000000-nyc3a-nyc3-zg01</HostId></Error>';

describe('DigitalOcean Spaces', () => {
  let fake: FakeDigitalOcean;
  beforeEach(async () => {
    fake = await startFakeDigitalOcean();
  });
  afterEach(async () => {
    await fake.server.close();
  });

  test('lists buckets per region through the S3 API, signed for each region', async () => {
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['spaces'], spacesRegions: ['nyc3', 'fra1', 'sgp1'] },
    });
    expect(resources.map((resource) => resource.resourceId).sort()).toEqual([
      'fra1/eu-archive',
      'fra1/eu-assets',
      'fra1/eu-exports',
      'nyc3/backups-nyc',
      'nyc3/log-files',
      'nyc3/static-images',
    ]);
    expect(
      runtime.scopes
        .map((scope) => `${scope.region}:${scope.status}:${scope.resourceCount}`)
        .sort(),
    ).toEqual(['fra1:complete:3', 'nyc3:complete:3', 'sgp1:complete:0']);
    // nyc3 and fra1 on two pages each (continuation token), sgp1 on one; the fake answers with the
    // buckets of the region in each request's SigV4 credential scope.
    expect(fake.server.requests.filter((entry) => entry.path === '/')).toHaveLength(5);
    expect(
      fake.server.requests.every((entry) => entry.path !== '/' || entry.headers['x-amz-date']),
    ).toBe(true);
  });

  test('without Spaces keys the Spaces scopes are skipped with the reason, and the rest completes', async () => {
    const { token } = digitalOceanCredentials;
    const { resources, runtime } = await listWith(fake.server, {
      credentials: { token },
      config: { services: ['spaces', 'sshkeys'], regions: ['nyc3', 'fra1'] },
    });
    expect(resources.map((resource) => resource.resourceType)).toEqual([
      'digitalocean.ssh-key',
      'digitalocean.ssh-key',
      'digitalocean.ssh-key',
    ]);
    const spaces = runtime.scopes.filter((scope) => scope.service === 'spaces');
    expect(spaces.map((scope) => scope.region).sort()).toEqual(['fra1', 'nyc3']);
    for (const scope of spaces)
      expect(scope).toMatchObject({ status: 'skipped', error: spacesSkippedReason });
    expect(spacesSkippedReason).toMatch(/spacesAccessKeyId/);
    expect(runtime.scopeFor('sshkeys')?.status).toBe('complete');
    expect(fake.server.requests.some((entry) => entry.path === '/')).toBe(false);
  });

  test('refused Spaces keys fail the Spaces scopes only, without leaking the keys', async () => {
    fake.server.injectFault({
      service: 'spaces',
      status: 403,
      headers: { 'content-type': 'application/xml' },
      body: invalidKeyXml,
      times: Number.POSITIVE_INFINITY,
    });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['spaces', 'droplets'], regions: ['nyc3'] },
      list: { concurrency: 1 },
    });
    const spaces = runtime.scopeFor('spaces', 'nyc3');
    expect(spaces).toMatchObject({ status: 'failed', errorClass: 'auth' });
    expect(spaces?.error).toMatch(
      /^DigitalOcean listing Spaces buckets \(S3 ListBuckets\) in nyc3 failed/,
    );
    expect(spaces?.error).toMatch(/InvalidAccessKeyId/);
    expect(spaces?.error).toMatch(/spacesAccessKeyId/);
    expect(spaces?.error).not.toContain(digitalOceanCredentials.spacesAccessKeyId);
    expect(spaces?.error).not.toContain(digitalOceanCredentials.spacesSecretAccessKey);
    expect(runtime.scopeFor('droplets', 'nyc3')?.status).toBe('complete');
    expect(resources.filter((resource) => resource.service === 'droplets')).toHaveLength(2);
  });

  test('a throttled ListBuckets (503 SlowDown, Retry-After) is waited out and reported', async () => {
    fake.server.injectFault({
      service: 'spaces',
      status: 503,
      retryAfterSeconds: 1,
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
      times: 1,
    });
    const { resources, runtime } = await listWith(fake.server, {
      config: { services: ['spaces'], spacesRegions: ['nyc3'] },
    });
    expect(resources).toHaveLength(3);
    const calls = fake.server.requests.filter((entry) => entry.path === '/');
    expect(calls[0]?.status).toBe(503);
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(runtime.rateLimits).toContainEqual(
      expect.objectContaining({
        service: 'spaces',
        region: 'nyc3',
        reason: 'throttled',
        status: 503,
        retryAfterMs: 1000,
      }),
    );
    expect(runtime.scopeFor('spaces', 'nyc3')?.status).toBe('complete');
  });

  test('the endpoint template puts the region in the host', () => {
    expect(spacesEndpointFor(undefined, 'ams3')).toBe('https://ams3.digitaloceanspaces.com');
    expect(spacesEndpointFor('http://127.0.0.1:9000/{region}', 'fra1')).toBe(
      'http://127.0.0.1:9000/fra1',
    );
  });
});
