import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { byId, listAll } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cloudflareCatalog } from '../src/driver.ts';
import { createTestDriver, startCloudflareApi } from './cloudflare-test-helpers.ts';
import {
  accountId,
  type CloudflareEstate,
  createCloudflareEstate,
  zoneIds,
} from './fixtures/cloudflare-estate.ts';

const prefix = '/client/v4';

describe('cloudflare services', () => {
  let estate: CloudflareEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createCloudflareEstate();
    server = await startCloudflareApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('follows every page of each paged list, in the style the endpoint pages', async () => {
    await listAll(createTestDriver(server));
    const pagesOf = (path: string, parameter: 'page' | 'cursor') =>
      server
        .requestsTo(path)
        .map((entry) => entry.query[parameter] ?? '(first)')
        .filter((value, index, all) => all.indexOf(value) === index);
    // page/per_page lists, two items a page on the fake.
    expect(pagesOf(`${prefix}/zones`, 'page')).toEqual(['1', '2']);
    expect(pagesOf(`${prefix}/zones/${zoneIds.example}/dns_records`, 'page')).toEqual(['1', '2']);
    for (const path of [
      'pages/projects',
      'workers/durable_objects/namespaces',
      'd1/database',
      'storage/kv/namespaces',
      'access/apps',
      'access/policies',
      'cfd_tunnel',
    ]) {
      expect(pagesOf(`${prefix}/accounts/${accountId}/${path}`, 'page'), path).toEqual(['1', '2']);
    }
    expect(pagesOf(`${prefix}/zones/${zoneIds.example}/ssl/certificate_packs`, 'page')).toEqual([
      '1',
      '2',
    ]);
    // cursor lists: the R2 buckets and the rulesets.
    const bucketCalls = server.requestsTo(`${prefix}/accounts/${accountId}/r2/buckets`);
    expect(bucketCalls.filter((entry) => entry.query.cursor).length).toBeGreaterThanOrEqual(1);
    expect(pagesOf(`${prefix}/zones/${zoneIds.example}/rulesets`, 'cursor')).toHaveLength(2);
    // Zones are asked 50 a page, the API's maximum, and only those of the account.
    const zoneCall = server.requestsTo(`${prefix}/zones`)[0]!;
    expect(zoneCall.query).toMatchObject({ 'account.id': accountId, per_page: '50' });
  });

  test('lists the zones of the account only, and the zone children of those zones only', async () => {
    const { resources } = await listAll(createTestDriver(server));
    const zones = byId(resources, 'cloudflare.zones.zone');
    expect([...zones.keys()].sort()).toEqual([zoneIds.example, zoneIds.shop, zoneIds.docs].sort());
    expect(server.requestsTo(`${prefix}/zones/${zoneIds.foreign}/*`)).toHaveLength(0);
    expect(resources.some((item) => item.name === 'not-ours.example')).toBe(false);
  });

  test('drops another account’s zone even when the API ignores the account.id filter', async () => {
    server.addRoutes([
      {
        path: `${prefix}/zones`,
        service: 'zones',
        handler: () => ({
          status: 200,
          body: { success: true, errors: [], messages: [], result: estate.zones },
        }),
      },
    ]);
    const { resources } = await listAll(createTestDriver(server, { services: ['zones'] }));
    expect(byId(resources, 'cloudflare.zones.zone').has(zoneIds.foreign)).toBe(false);
    expect(byId(resources, 'cloudflare.zones.zone').size).toBe(3);
    expect(server.requestsTo(`${prefix}/zones/${zoneIds.foreign}/dns_records`)).toHaveLength(0);
  });

  test('maps zone children with `<zone id>/<id>` ids, the zone in metadata and record tags', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['zones'] }));
    const records = byId(resources, 'cloudflare.zones.dns-record');
    expect(records.size).toBe(7);
    const apex = records.get(`${zoneIds.example}/372e67954025e0ba6aaa6d586b9e0b59`);
    expect(apex).toMatchObject({
      provider: 'cloudflare',
      accountId,
      region: 'global',
      service: 'zones',
      name: 'example.com',
      tags: { team: 'web', env: 'prod' },
      metadata: { zoneId: zoneIds.example, zoneName: 'example.com' },
    });
    expect(apex?.configuration).toEqual(estate.dnsRecords[zoneIds.example]![0]);
  });

  test('enriches Workers scripts with settings and cron triggers, never fetching the body', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['workers'] }));
    const nightly = byId(resources, 'cloudflare.workers.script').get('nightly-report');
    expect(nightly?.tags).toEqual({ team: 'data', cron: '' });
    expect(nightly?.configuration).toMatchObject({
      id: 'nightly-report',
      schedules: [{ cron: '0 3 * * *' }],
      settings: { bindings: expect.arrayContaining([{ name: 'API_TOKEN', type: 'secret_text' }]) },
    });
    expect(server.requestsTo(`${prefix}/accounts/${accountId}/workers/scripts/:name`)).toHaveLength(
      0,
    );
    const routes = byId(resources, 'cloudflare.workers.route');
    expect(routes.get(`${zoneIds.shop}/223e105f4ecef8ad9ca31a8372d0c353`)?.name).toBe(
      'shop.example/api/*',
    );
    expect(routes.size).toBe(3);
  });

  test('yields the latest deployment of each Pages project as its own resource', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['pages'] }));
    expect(byId(resources, 'cloudflare.pages.project').size).toBe(3);
    const deployments = byId(resources, 'cloudflare.pages.deployment');
    expect([...deployments.keys()].sort()).toEqual([
      'a64788e9-fccd-4d4a-a28a-cb84f88f6',
      'f64788e9-fccd-4d4a-a28a-cb84f88f6',
    ]);
    expect(server.requestsTo(`${prefix}/accounts/${accountId}/pages/projects/*`)).toHaveLength(0);
  });

  test('lists R2 buckets of every jurisdiction, with their location as region', async () => {
    const { resources, runtime } = await listAll(createTestDriver(server, { services: ['r2'] }));
    const buckets = byId(resources, 'cloudflare.r2.bucket');
    expect(
      [...buckets.values()].map((bucket) => `${bucket.resourceId}@${bucket.region}`).sort(),
    ).toEqual(['assets@wnam', 'backups@enam', 'eu/assets@weur', 'logs@apac']);
    const jurisdictions = server
      .requestsTo(`${prefix}/accounts/${accountId}/r2/buckets`)
      .map((entry) => entry.headers['cf-r2-jurisdiction']);
    expect(new Set(jurisdictions)).toEqual(new Set(['default', 'eu']));
    // One account-wide listing, reported complete in global and every location.
    expect(
      runtime.scopes
        .filter((scope) => scope.service === 'r2')
        .map((scope) => `${scope.region}:${scope.status}`)
        .sort(),
    ).toEqual(
      ['apac', 'eeur', 'enam', 'global', 'oc', 'weur', 'wnam'].map(
        (region) => `${region}:complete`,
      ),
    );
  });

  test('config.regions keeps those R2 locations and every global resource', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { services: ['r2', 'kv'], regions: ['weur', 'global'] }),
    );
    const ids = (type: string) =>
      resources.filter((item) => item.resourceType === type).map((item) => item.resourceId);
    expect(ids('cloudflare.r2.bucket')).toEqual(['eu/assets']);
    expect(ids('cloudflare.kv.namespace')).toHaveLength(3);

    const globalOnly = await listAll(
      createTestDriver(server, { services: ['r2', 'kv'], regions: ['global'] }),
    );
    expect(globalOnly.resources.map((item) => item.resourceType)).not.toContain(
      'cloudflare.r2.bucket',
    );
    expect(new Set(globalOnly.runtime.scopes.map((scope) => scope.region))).toEqual(
      new Set(['global']),
    );
  });

  test('reads each D1 database for its size, tables and replication', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['d1'] }));
    const catalog = byId(resources, 'cloudflare.d1.database').get(
      'd3f8fa8a-38cc-4ab8-a0bb-bd1b1aa58e1a',
    );
    expect(catalog?.name).toBe('catalog');
    expect(catalog?.configuration).toMatchObject({
      num_tables: 8,
      file_size: 409_600,
      read_replication: { mode: 'auto' },
      jurisdiction: 'eu',
    });
  });

  test('lists the zone rulesets with their rules, leaving Cloudflare’s managed rulesets out', async () => {
    const { resources } = await listAll(createTestDriver(server, { services: ['rulesets'] }));
    const rulesets = byId(resources, 'cloudflare.ruleset');
    expect(rulesets.size).toBe(4);
    expect([...rulesets.values()].some((item) => item.name === 'Cloudflare Managed Ruleset')).toBe(
      false,
    );
    const custom = rulesets.get(`${zoneIds.example}/2f2feab2026849078ba485f918791bdc`);
    expect(custom?.configuration).toMatchObject({
      phase: 'http_request_firewall_custom',
      rules: [{ action: 'block', expression: 'ip.src.country eq "XX"' }],
    });
  });

  test('accepts a legacy global API key with its e-mail (X-Auth-Key / X-Auth-Email)', async () => {
    server.setAuth({
      type: 'custom',
      check: (request) =>
        request.headers['x-auth-key'] === 'legacy-global-key-0123456789' &&
        request.headers['x-auth-email'] === 'ops@example.com',
    });
    const { resources } = await listAll(
      createTestDriver(
        server,
        { services: ['kv'] },
        { apiKey: 'legacy-global-key-0123456789', email: 'ops@example.com' },
      ),
    );
    expect(resources).toHaveLength(3);
    expect(server.requests.every((entry) => entry.headers.authorization === undefined)).toBe(true);
  });

  test('include / exclude pick types; a call whose types are all filtered out is not made', async () => {
    const zonesOnly = await listAll(createTestDriver(server), {
      include: ['cloudflare.zones.zone', 'cloudflare.pages.deployment'],
    });
    expect(new Set(zonesOnly.resources.map((item) => item.resourceType))).toEqual(
      new Set(['cloudflare.zones.zone', 'cloudflare.pages.deployment']),
    );
    expect(server.requestsTo(`${prefix}/zones/:zone/dns_records`)).toHaveLength(0);
    expect(server.requestsTo(`${prefix}/accounts/${accountId}/storage/kv/namespaces`)).toHaveLength(
      0,
    );
    expect(
      zonesOnly.runtime.scopes
        .map((scope) => `${scope.service}:${scope.resourceTypes?.join(',')}`)
        .sort(),
    ).toEqual(['pages:cloudflare.pages.deployment', 'zones:cloudflare.zones.zone']);

    server.reset();
    const withoutRecords = await listAll(createTestDriver(server, { services: ['zones'] }), {
      exclude: ['cloudflare.zones.dns-record'],
    });
    expect(withoutRecords.resources).toHaveLength(3);
    expect(server.requestsTo(`${prefix}/zones/:zone/dns_records`)).toHaveLength(0);
  });

  test('reports one complete scope per list call, each naming its types', async () => {
    const { runtime } = await listAll(createTestDriver(server));
    const global = runtime.scopes.filter((scope) => scope.region === 'global');
    const keys = global.map((scope) => `${scope.service}:${scope.resourceTypes?.join(',')}`);
    expect(new Set(keys).size).toBe(keys.length);
    const catalogTypes = cloudflareCatalog.services.flatMap((service) =>
      service.resourceTypes.map((type) => type.type),
    );
    expect(global.flatMap((scope) => scope.resourceTypes ?? []).sort()).toEqual(
      [...catalogTypes].sort(),
    );
    expect(global.every((scope) => scope.status === 'complete')).toBe(true);
  });
});
