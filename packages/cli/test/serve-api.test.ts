import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli.ts';
import { createDashboardApp } from '../src/serve/dashboard-app.ts';
import { openDatabase } from '../src/store/open-database.ts';
import {
  createServeFixture,
  hostileId,
  hostileName,
  hostileTag,
  type ServeFixture,
} from './serve-fixture.ts';

let fixture: ServeFixture;

beforeAll(async () => {
  fixture = await createServeFixture();
}, 120_000);
afterAll(async () => fixture?.cleanup());

async function getJson(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fixture.app.request(path, init);
  return { status: response.status, body: await response.json() };
}

const encoded = (id: string) => encodeURIComponent(id);

describe('GET /api/clouds and /api/overview', () => {
  test('every cloud with its summary and last run, per-scope outcome and denied calls included', async () => {
    const { status, body } = await getJson('/api/clouds');
    expect(status).toBe(200);
    const ids = body.clouds.map((cloud: any) => cloud.cloudId);
    expect(ids).toContain('aws-demo');
    expect(ids).toContain('hostile-cloud');
    expect(ids).toHaveLength(12);
    const hostile = body.clouds.find((cloud: any) => cloud.cloudId === 'hostile-cloud');
    expect(hostile.lastRun.status).toBe('partial');
    const iam = hostile.lastRun.scopes.find((scope: any) => scope.service === 'iam');
    expect(iam).toMatchObject({ status: 'failed', errorClass: 'auth', call: 'iam:ListRoles' });
    const rds = hostile.lastRun.scopes.find((scope: any) => scope.service === 'rds');
    expect(rds.enrichmentErrors[0].call).toBe('rds:ListTagsForResource');
    expect(hostile.summary.index).toBeUndefined();
  });

  test('overview counts by provider, type and region add up to the clouds’ totals', async () => {
    const clouds = (await getJson('/api/clouds')).body.clouds;
    const total = clouds.reduce(
      (sum: number, cloud: any) => sum + Number(cloud.summary.totalResources),
      0,
    );
    const { body } = await getJson('/api/overview');
    const sum = (counts: Record<string, number>) =>
      Object.values(counts).reduce((left, right) => left + right, 0);
    expect(sum(body.byProvider)).toBe(total);
    expect(sum(body.byType)).toBe(total);
    expect(sum(body.byRegion)).toBe(total);
    expect(body.days.at(-1).size).toBe(total);
    expect(body.days.at(-1).period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.hours.at(-1).size).toBe(total);
    expect(body.hours.at(-1).period).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}$/);
    const created = body.days.reduce((sum: number, day: any) => sum + day.created, 0);
    const deleted = body.days.reduce((sum: number, day: any) => sum + day.deleted, 0);
    const restored = body.days.reduce((sum: number, day: any) => sum + day.restored, 0);
    expect(created - deleted + restored).toBe(total);
  });
});

describe('GET /api/resources', () => {
  test('filters by cloud, type, region, tag, name and status', async () => {
    const byCloud = await getJson('/api/resources?cloud=aws-demo&limit=1000');
    expect(byCloud.status).toBe(200);
    expect(byCloud.body.items.length).toBeGreaterThan(5);
    expect(byCloud.body.items.every((item: any) => item.cloudId === 'aws-demo')).toBe(true);
    const first = byCloud.body.items[0];
    const typed = await getJson(
      `/api/resources?cloud=aws-demo&type=${first.resourceType}&region=${first.region}&limit=1000`,
    );
    expect(typed.body.items.length).toBeGreaterThan(0);
    for (const item of typed.body.items) {
      expect(item.resourceType).toBe(first.resourceType);
      expect(item.region).toBe(first.region);
    }
    const tagged = await getJson(
      `/api/resources?tag=${encodeURIComponent(`owner=${hostileTag}`)}&tag=env=prod`,
    );
    expect(tagged.body.items.map((item: any) => item.id)).toEqual([hostileId]);
    const named = await getJson('/api/resources?name=DB-PRIMARY');
    expect(named.body.items.map((item: any) => item.name)).toEqual([hostileName]);
    const deleted = await getJson('/api/resources?status=deleted&limit=1000');
    expect(deleted.body.items.length).toBeGreaterThan(0);
    expect(deleted.body.items.every((item: any) => item.status === 'deleted')).toBe(true);
    const provider = await getJson('/api/resources?provider=gcp-mock&limit=1000');
    expect(provider.body.items.length).toBeGreaterThan(0);
    expect(provider.body.items.every((item: any) => item.driver === 'gcp-mock')).toBe(true);
  });

  test('pages with cursors: every resource once, no page larger than the limit', async () => {
    const all = (await getJson('/api/resources?cloud=aws-demo&limit=1000')).body.items;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await getJson(
        `/api/resources?cloud=aws-demo&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(7);
      seen.push(...body.items.map((item: any) => item.id));
      cursor = body.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(all.map((item: any) => item.id));
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=5000', 'limit'],
    ['status=gone', 'status'],
    ['cursor=not-a-cursor!', 'cursor'],
    ['cursor=bm9wZQ', 'cursor'],
    ['tag==x', 'tag'],
  ])('bad parameter %s is a 400 naming it', async (query, parameter) => {
    const { status, body } = await getJson(`/api/resources?${query}`);
    expect(status).toBe(400);
    expect(body.error).toBe('bad-parameter');
    expect(body.message).toContain(parameter);
  });
});

describe('GET /api/resources/{id}, /history, /diff', () => {
  test('one resource with its latest configuration; secrets stay redacted; raw ids work too', async () => {
    const { status, body } = await getJson(`/api/resources/${encoded(hostileId)}`);
    expect(status).toBe(200);
    expect(body.resource.tags.owner).toBe(hostileTag);
    expect(body.version.version).toBe(2);
    expect(body.version.configuration.MasterUserPassword).toMatch(/^\[redacted:/);
    const first = await getJson(`/api/resources/${encoded(hostileId)}?version=1`);
    expect(first.body.version.configuration.Deprecated).toBe(true);
    expect((await getJson(`/api/resources/${encoded(hostileId)}?version=9`)).status).toBe(400);
    expect((await getJson(`/api/resources/${encoded(hostileId)}?version=x`)).status).toBe(400);
  });

  test('a provider id with slashes works raw (URL-encoded) as well as escaped; HEAD answers', async () => {
    const roles = (await getJson('/api/resources?cloud=aws-demo&type=aws.iam.role')).body.items;
    const role = roles[0];
    expect(role.resourceId).toContain('/');
    const raw = `${role.cloudId}:${role.resourceType}:${role.resourceId}`;
    const { status, body } = await getJson(`/api/resources/${encoded(raw)}`);
    expect(status).toBe(200);
    expect(body.resource.id).toBe(role.id);
    const page = await fixture.app.request(`/resources/${encoded(raw)}`);
    expect(page.status).toBe(200);
    expect((await fixture.app.request('/', { method: 'HEAD' })).status).toBe(200);
  });

  test('unknown resources are 404 on every resource endpoint', async () => {
    for (const suffix of ['', '/history', '/diff']) {
      const { status, body } = await getJson(`/api/resources/nope%3Anothing%3Ahere${suffix}`);
      expect(status).toBe(404);
      expect(body.message).toContain('nope:nothing:here');
    }
  });

  test('history lists every version and change, oldest first', async () => {
    const { body } = await getJson(`/api/resources/${encoded(hostileId)}/history`);
    expect(body.versions.map((version: any) => version.version)).toEqual([1, 2]);
    expect(body.changes.map((change: any) => change.kind)).toEqual(['created', 'updated']);
  });

  test('diff of two versions: added, removed and updated leaf paths; bad versions are 400/404', async () => {
    const { status, body } = await getJson(`/api/resources/${encoded(hostileId)}/diff?from=1&to=2`);
    expect(status).toBe(200);
    expect(body.diff.added).toHaveProperty(['configuration.MultiAZ']);
    expect(body.diff.removed).toHaveProperty(['configuration.Deprecated']);
    expect(body.diff.updated['configuration.DBInstanceClass']).toEqual({
      before: 'db.t3.micro',
      after: 'db.r6g.large',
    });
    const reverse = await getJson(`/api/resources/${encoded(hostileId)}/diff?from=2&to=1`);
    expect(reverse.body.diff.added).toHaveProperty(['configuration.Deprecated']);
    const bad = await getJson(`/api/resources/${encoded(hostileId)}/diff?from=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('from');
    expect((await getJson(`/api/resources/${encoded(hostileId)}/diff?to=7`)).status).toBe(404);
  });
});

describe('GET /api/changes, /api/runs, /api/inventory', () => {
  test('the change feed filters by cloud, kind, type and time, and pages', async () => {
    const all = (await getJson('/api/changes?cloud=hostile-cloud')).body;
    expect(all.items.map((item: any) => item.kind)).toEqual(['created', 'updated']);
    const updated = (await getJson('/api/changes?kind=updated&limit=1000')).body.items;
    expect(updated.length).toBeGreaterThan(1);
    expect(updated.every((item: any) => item.kind === 'updated')).toBe(true);
    const future = (await getJson('/api/changes?since=2099-01-01')).body.items;
    expect(future).toEqual([]);
    const page = (await getJson('/api/changes?limit=3&order=desc')).body;
    expect(page.items).toHaveLength(3);
    expect(page.items[0].detectedAt >= page.items[2].detectedAt).toBe(true);
    const next = (await getJson(`/api/changes?limit=3&order=desc&cursor=${page.cursor}`)).body;
    expect(next.items[0].detectedAt <= page.items[2].detectedAt).toBe(true);
    const regional = (await getJson('/api/changes?region=us-east-1&limit=1000')).body.items;
    expect(regional.every((item: any) => item.region === 'us-east-1')).toBe(true);
  });

  test.each([
    ['kind=exploded', 'kind'],
    ['since=yesterday', 'since'],
    ['since=2026-02-01&until=2026-01-01', 'since'],
    ['order=sideways', 'order'],
  ])('changes: %s is a 400', async (query, parameter) => {
    const { status, body } = await getJson(`/api/changes?${query}`);
    expect(status).toBe(400);
    expect(body.message).toContain(parameter);
  });

  test('runs per cloud, newest first, with scopes; an unknown cloud is 404', async () => {
    const { body } = await getJson('/api/runs?cloud=aws-demo&limit=2');
    expect(body.runs).toHaveLength(2);
    expect(body.runs[0].startedAt > body.runs[1].startedAt).toBe(true);
    expect(body.runs[0].scopes.length).toBeGreaterThan(0);
    expect((await getJson('/api/runs?cloud=missing')).status).toBe(404);
    expect((await getJson('/api/runs?limit=-1')).status).toBe(400);
  });

  test('inventory at a time: now equals the active resources; before the first run it is empty', async () => {
    const active = (await getJson('/api/resources?cloud=aws-demo&limit=1000')).body.items;
    const now = await getJson('/api/inventory?at=now&cloud=aws-demo&limit=1000');
    expect(now.status).toBe(200);
    expect(now.body.items.map((item: any) => item.snapshotId).sort()).toEqual(
      active.map((item: any) => item.id).sort(),
    );
    const before = await getJson('/api/inventory?at=2000-01-01T00:00:00Z');
    expect(before.body.items).toEqual([]);
    expect((await getJson('/api/inventory')).status).toBe(400);
    expect((await getJson('/api/inventory?at=soon')).status).toBe(400);
  });
});

describe('the file store listing', () => {
  test('lists the same keys as s3db.js’s own listing, page by page', async () => {
    const reference = await openDatabase({
      connectionString: fixture.storeUrl,
      display: fixture.storeUrl,
      source: '--store',
    });
    try {
      const prefix = (
        fixture.inventory.plugin.inventoryResources.snapshots.getResourceKey('x') as string
      ).replace(/x$/, '');
      const collect = async (client: any) => {
        const keys: string[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = await client.listObjects({
            prefix,
            maxKeys: 7,
            ...(token ? { continuationToken: token } : {}),
          });
          keys.push(...page.Contents.map((item: { Key: string }) => item.Key));
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
          pages += 1;
        } while (token);
        return { keys, pages };
      };
      const fast = await collect((fixture.inventory.database as any).client);
      const slow = await collect((reference as any).client);
      expect(fast.keys.length).toBeGreaterThan(100);
      expect(fast.pages).toBe(Math.ceil(fast.keys.length / 7));
      expect(new Set(fast.keys).size).toBe(fast.keys.length);
      expect([...fast.keys].sort()).toEqual([...slow.keys].sort());
    } finally {
      await reference.disconnect();
    }
  });
});

describe('serving safely', () => {
  test('security headers on pages, API and errors; no CORS; GET only', async () => {
    for (const path of ['/', '/api/clouds', '/api/nothing', '/inventory?limit=0']) {
      const response = await fixture.app.request(path, {
        headers: { Origin: 'https://evil.example' },
      });
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await fixture.app.request('/api/nothing')).status).toBe(404);
    expect((await fixture.app.request('/inventory?limit=0')).status).toBe(400);
    expect((await fixture.app.request('/api/clouds', { method: 'POST' })).status).toBe(405);
  });

  test('attacker-controlled names and tags are escaped in every page', async () => {
    for (const path of [
      `/resources/${encoded(hostileId)}`,
      '/inventory?cloud=hostile-cloud',
      '/changes?cloud=hostile-cloud',
    ]) {
      const page = await (await fixture.app.request(path)).text();
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('<script>window');
      expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;db-primary');
    }
    const resourcePage = await (
      await fixture.app.request(`/resources/${encoded(hostileId)}`)
    ).text();
    expect(resourcePage).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(resourcePage).toContain('class="redacted"');
  });

  test('with a token: 401 without it, 200 with the bearer header, a cookie from ?token=', async () => {
    const app = createDashboardApp({
      data: fixture.data,
      storeDisplay: 'test',
      token: 'correct-horse-battery-staple',
    });
    const denied = await app.request('/api/clouds');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-security-policy')).toBeTruthy();
    expect(
      (await app.request('/', { headers: { Authorization: 'Bearer wrong-token-xxxxxxxx' } }))
        .status,
    ).toBe(401);
    const allowed = await app.request('/api/clouds', {
      headers: { Authorization: 'Bearer correct-horse-battery-staple' },
    });
    expect(allowed.status).toBe(200);
    const redirect = await app.request('/inventory?token=correct-horse-battery-staple&cloud=x');
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/inventory?cloud=x');
    const cookie = (redirect.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toContain('cloud_inventory_token=');
    expect((await app.request('/api/clouds', { headers: { Cookie: cookie } })).status).toBe(200);
    const offsite = await app.request(
      'http://127.0.0.1//evil.example/x?token=correct-horse-battery-staple',
    );
    expect(offsite.headers.get('location')).toBe('/evil.example/x');
  });

  test('serve listens on 127.0.0.1, answers, and stops on SIGTERM with exit 0', async () => {
    let stderr = '';
    let terminate: (() => void) | undefined;
    const running = runCli(['serve', '--port', '0', '--store', fixture.storeUrl], {
      cwd: process.cwd(),
      environment: {},
      stdout: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
      stderr: new Writable({
        write(chunk, _encoding, callback) {
          stderr += String(chunk);
          callback();
        },
      }),
      signals: {
        onTerminate(handler) {
          terminate = () => handler('SIGTERM');
          return () => {};
        },
      },
    });
    await expect
      .poll(() => /dashboard on (http:\/\/127\.0\.0\.1:\d+)\//.test(stderr), { timeout: 20_000 })
      .toBe(true);
    const url = (/dashboard on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr) as RegExpExecArray)[1];
    const response = await fetch(`${url}/api/clouds`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).clouds).toHaveLength(12);
    terminate?.();
    expect(await running).toBe(0);
  });

  test('serve refuses a non-loopback host without a token (exit 2)', async () => {
    let stderr = '';
    const code = await runCli(['serve', '--host', '0.0.0.0', '--store', fixture.storeUrl], {
      cwd: process.cwd(),
      environment: {},
      stdout: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
      stderr: new Writable({
        write(chunk, _encoding, callback) {
          stderr += String(chunk);
          callback();
        },
      }),
      signals: { onTerminate: () => () => {} },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('token');
  });
});
