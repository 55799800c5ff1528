import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ansiPattern,
  createWorkspace,
  ensureBuiltBinary,
  packageDirectory,
  runCli,
  runInProcess,
  runJson,
} from './cli-harness.ts';

const config = {
  clouds: [
    {
      id: 'aws-test',
      driver: 'aws-mock',
      config: { seed: 11, resourceCount: 30, driftRate: 0.3, deleteRate: 0.1 },
    },
    {
      id: 'do-test',
      driver: 'digitalocean-mock',
      config: { seed: 12, resourceCount: 20, driftRate: 0.3, deleteRate: 0.1 },
    },
  ],
  scheduled: { enabled: true, cron: '0 3 * * *', timezone: 'UTC' },
};

describe('cloud-inventory: sync and the read commands on a file:// store', () => {
  let workspace: ReturnType<typeof createWorkspace>;
  let cwd: string;
  const syncs: any[] = [];
  let updatedId: string;

  beforeAll(async () => {
    ensureBuiltBinary();
    workspace = createWorkspace({ 'cloud-inventory.config.json': { ...config, store: 'store' } });
    cwd = workspace.directory;
    // The first sync runs the binary; the next two run the same built code in-process (faster).
    for (let run = 0; run < 3; run += 1) {
      const result = await runJson(['sync'], { cwd, inProcess: run > 0 });
      expect(result.code, result.stderr).toBe(0);
      syncs.push(result.value);
    }
    const changes = await runJson(
      ['changes', '--since', '1h', '--kind', 'updated', '--cloud', 'aws-test'],
      { cwd },
    );
    updatedId = changes.value.items.at(-1).snapshotId;
  }, 120_000);
  afterAll(() => workspace?.cleanup());

  test('sync --json reports per-cloud counts; later syncs see drift and deletions', () => {
    const [first, second, third] = syncs;
    expect(first.status).toBe('succeeded');
    expect(first.store).toBe(workspace.storeUrl);
    expect(first.clouds.map((cloud: any) => cloud.cloudId)).toEqual(['aws-test', 'do-test']);
    expect(first.clouds[0]).toMatchObject({
      status: 'succeeded',
      created: 30,
      updated: 0,
      deleted: 0,
      processed: 30,
    });
    expect(first.clouds[0].checkpoint).toBeUndefined();
    for (const later of [second, third]) {
      const aws = later.clouds[0];
      expect(aws.updated + aws.deleted + aws.created).toBeGreaterThan(0);
      expect(aws.unchanged).toBeGreaterThan(0);
      expect(aws.created + aws.updated + aws.unchanged + aws.restored).toBe(aws.processed);
    }
  });

  test('sync prints a table on stdout and progress on stderr, without colours when not a TTY', async () => {
    const result = await runCli(['sync', 'do-test'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^CLOUD\s+STATUS\s+RESOURCES\s+CREATED\s+UPDATED\s+UNCHANGED\s+DELETED\s+FAILED SCOPES\s+DURATION\n/,
    );
    expect(result.stdout).toMatch(/\ndo-test\s+succeeded\s+\d+/);
    expect(result.stdout).not.toContain('aws-test');
    expect(result.stderr).toContain('do-test: sync started');
    expect(result.stdout).not.toMatch(ansiPattern);
    expect(result.stderr).not.toMatch(ansiPattern);
    const unknown = await runInProcess(['sync', 'nope'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown cloud "nope"');
  });

  test('list filters by cloud, type, tag and status, and pages with a cursor', async () => {
    const all = await runJson(['list', '--limit', '1000'], { cwd, inProcess: true });
    expect(all.code).toBe(0);
    expect(all.value.cursor).toBeUndefined();
    const clouds = new Set(all.value.items.map((item: any) => item.cloudId));
    expect(clouds).toEqual(new Set(['aws-test', 'do-test']));
    expect(all.value.items.every((item: any) => item.status === 'active')).toBe(true);

    const instances = await runJson(['list', '--cloud', 'aws-test', '--type', 'aws.ec2.instance'], {
      cwd,
      inProcess: true,
    });
    expect(instances.value.items.length).toBeGreaterThan(0);
    expect(
      instances.value.items.every(
        (item: any) => item.resourceType === 'aws.ec2.instance' && item.cloudId === 'aws-test',
      ),
    ).toBe(true);

    const tagged = all.value.items.find(
      (item: any) => item.tags && Object.keys(item.tags).length > 0,
    );
    const [tagKey, tagValue] = Object.entries(tagged.tags)[0] as [string, string];
    const byTag = await runJson(['list', '--tag', `${tagKey}=${tagValue}`], {
      cwd,
      inProcess: true,
    });
    expect(byTag.value.items.length).toBeGreaterThan(0);
    expect(
      byTag.value.items.every(
        (item: any) => String(item.tags?.[tagKey] ?? item.labels?.[tagKey]) === String(tagValue),
      ),
    ).toBe(true);

    const deleted = await runJson(['list', '--status', 'deleted'], { cwd, inProcess: true });
    expect(deleted.value.items.length).toBeGreaterThan(0);
    expect(deleted.value.items.every((item: any) => item.status === 'deleted')).toBe(true);

    const firstPage = await runJson(['list', '--limit', '5'], { cwd, inProcess: true });
    expect(firstPage.value.items).toHaveLength(5);
    expect(typeof firstPage.value.cursor).toBe('string');
    const secondPage = await runJson(['list', '--limit', '5', '--cursor', firstPage.value.cursor], {
      cwd,
      inProcess: true,
    });
    const ids = new Set(firstPage.value.items.map((item: any) => item.id));
    expect(secondPage.value.items.some((item: any) => ids.has(item.id))).toBe(false);

    const table = await runCli(['list', '--cloud', 'do-test', '--limit', '3'], { cwd });
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+NAME\s+REGION\s+VERSION\s+STATUS\s+LAST CHANGED$/,
    );
    expect(table.stdout.trim().split('\n')).toHaveLength(4);
    expect(table.stderr).toContain('--cursor');
    const badStatus = await runInProcess(['list', '--status', 'gone'], { cwd });
    expect(badStatus.code).toBe(2);
  });

  test('show, history and diff describe one resource', async () => {
    const shown = await runJson(['show', updatedId], { cwd, inProcess: true });
    expect(shown.code).toBe(0);
    expect(shown.value.resource.id).toBe(updatedId);
    expect(shown.value.version.version).toBe(shown.value.resource.latestVersion);
    expect(shown.value.version.configuration).toBeTruthy();
    const first = await runJson(['show', updatedId, '--version', '1'], { cwd, inProcess: true });
    expect(first.value.version.version).toBe(1);

    const history = await runJson(['history', updatedId], { cwd, inProcess: true });
    expect(history.value.changes[0].kind).toBe('created');
    expect(history.value.changes.some((change: any) => change.kind === 'updated')).toBe(true);
    expect(history.value.versions.length).toBe(shown.value.resource.latestVersion);

    const latest = shown.value.resource.latestVersion;
    const diff = await runJson(['diff', updatedId], { cwd, inProcess: true });
    expect(diff.value).toMatchObject({ id: updatedId, from: latest - 1, to: latest });
    const paths = [
      ...Object.keys(diff.value.diff.added),
      ...Object.keys(diff.value.diff.removed),
      ...Object.keys(diff.value.diff.updated),
    ];
    expect(paths.length).toBeGreaterThan(0);

    const text = await runCli(
      ['diff', updatedId, '--from', String(latest - 1), '--to', String(latest)],
      { cwd },
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`--- version ${latest - 1}`);
    expect(text.stdout).toContain(`+++ version ${latest}`);
    expect(text.stdout).toMatch(/^[~+-] \S+/m);
    expect(text.stdout).not.toMatch(ansiPattern);
    const coloured = await runCli(['diff', updatedId], { cwd, environment: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(ansiPattern);
    const noColour = await runInProcess(['diff', updatedId], {
      cwd,
      environment: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(noColour.stdout).not.toMatch(ansiPattern);

    const missing = await runInProcess(['show', 'aws-test:aws.ec2.instance:i-nothing'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no resource "aws-test:aws.ec2.instance:i-nothing"');
    const tooFar = await runInProcess(['diff', updatedId, '--to', '99'], { cwd });
    expect(tooFar.code).toBe(1);
  });

  test('changes lists a time window with kinds and diffs', async () => {
    const recent = await runJson(['changes', '--since', '1h'], { cwd, inProcess: true });
    const kinds = new Set(recent.value.items.map((item: any) => item.kind));
    expect(kinds.has('created')).toBe(true);
    expect(kinds.has('updated')).toBe(true);
    expect(kinds.has('deleted')).toBe(true);
    const deleted = await runJson(
      ['changes', '--since', '1h', '--kind', 'deleted', '--cloud', 'do-test'],
      { cwd, inProcess: true },
    );
    expect(deleted.value.items.length).toBeGreaterThan(0);
    expect(
      deleted.value.items.every(
        (item: any) => item.kind === 'deleted' && item.cloudId === 'do-test',
      ),
    ).toBe(true);
    const withDiff = await runJson(
      ['changes', '--since', '1h', '--kind', 'updated', '--diff', '--limit', '3'],
      { cwd, inProcess: true },
    );
    expect(withDiff.value.items).toHaveLength(3);
    expect(
      withDiff.value.items.every((item: any) => item.diff && typeof item.diff.updated === 'object'),
    ).toBe(true);
    const future = await runJson(
      ['changes', '--since', new Date(Date.now() + 3_600_000).toISOString()],
      { cwd, inProcess: true },
    );
    expect(future.value.items).toEqual([]);
  });

  test('export streams json, ndjson and csv, to stdout or a file, now or at a past time', async () => {
    const active = await runJson(['list', '--limit', '1000'], { cwd, inProcess: true });
    const count = active.value.items.length;
    const json = await runInProcess(['export', '--format', 'json'], { cwd });
    expect(JSON.parse(json.stdout)).toHaveLength(count);
    const ndjson = await runInProcess(['export', '--format', 'ndjson', '--cloud', 'do-test'], {
      cwd,
    });
    const lines = ndjson.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.every((line) => line.cloudId === 'do-test')).toBe(true);
    const csv = await runCli(['export', '--format', 'csv', '--output', 'inventory.csv'], { cwd });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    const rows = readFileSync(join(cwd, 'inventory.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      'id,cloudId,driver,accountId,resourceType,resourceId,service,region,name,status,latestVersion,firstSeenAt,lastSeenAt,lastChangedAt,deletedAt,tags,labels',
    );
    expect(rows).toHaveLength(count + 1);
    const past = await runInProcess(
      ['export', '--format', 'ndjson', '--at', new Date(Date.now() - 86_400_000).toISOString()],
      { cwd },
    );
    expect(past.code).toBe(0);
    expect(past.stdout).toBe('');
    const now = await runInProcess(
      [
        'export',
        '--format',
        'ndjson',
        '--at',
        'now',
        '--with-configuration',
        '--cloud',
        'aws-test',
      ],
      { cwd },
    );
    const atNow = now.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(atNow.length).toBe(
      active.value.items.filter((item: any) => item.cloudId === 'aws-test').length,
    );
    expect(atNow[0].configuration).toBeTruthy();
    const badFormat = await runInProcess(['export', '--format', 'xml'], { cwd });
    expect(badFormat.code).toBe(2);
  });

  test('status shows the last run, its outcome and the next scheduled run', async () => {
    const status = await runJson(['status'], { cwd, inProcess: true });
    expect(status.code).toBe(0);
    expect(status.value.clouds).toHaveLength(2);
    const aws = status.value.clouds[0];
    expect(aws).toMatchObject({
      cloudId: 'aws-test',
      driver: 'aws-mock',
      lastRunStatus: 'succeeded',
      lastRunFinished: true,
    });
    expect(aws.totalResources).toBeGreaterThan(0);
    expect(aws.nextRun).toMatchObject({ source: 'global', cron: '0 3 * * *' });
    expect(new Date(aws.nextRun.at).getUTCHours()).toBe(3);
    expect(new Date(aws.nextRun.at).getTime()).toBeGreaterThan(Date.now());
    const runs = await runJson(['status', 'aws-test', '--runs', '2'], { cwd, inProcess: true });
    expect(runs.value.runs).toHaveLength(2);
    expect(runs.value.runs[0].status).toBe('succeeded');
    expect(runs.value.runs[0]._etag).toBeUndefined();
    const table = await runInProcess(['status'], { cwd });
    expect(table.stdout).toMatch(
      /^CLOUD\s+DRIVER\s+LAST RUN\s+OUTCOME\s+RESOURCES\s+DURATION\s+NEXT RUN/,
    );
    expect(table.stdout).toContain('0 3 * * *');
  });

  test('read commands work on the store without a config', async () => {
    const elsewhere = createWorkspace();
    try {
      const listed = await runJson(
        ['list', '--store', workspace.storeUrl, '--cloud', 'do-test', '--limit', '1000'],
        { cwd: elsewhere.directory, inProcess: true },
      );
      expect(listed.code).toBe(0);
      expect(listed.value.items.length).toBeGreaterThan(0);
      const status = await runJson(['status', '--store', workspace.storeUrl], {
        cwd: elsewhere.directory,
        inProcess: true,
      });
      expect(status.value.clouds.map((cloud: any) => cloud.driver).sort()).toEqual([
        'aws-mock',
        'digitalocean-mock',
      ]);
    } finally {
      elsewhere.cleanup();
    }
  });

  test('drivers lists the mock drivers with services and types, and what is not installed', async () => {
    const drivers = await runJson(['drivers'], { cwd });
    expect(drivers.code).toBe(0);
    const names = drivers.value.drivers.map((driver: any) => driver.name);
    for (const provider of [
      'aws',
      'gcp',
      'azure',
      'oracle',
      'digitalocean',
      'linode',
      'hetzner',
      'vultr',
      'alibaba',
      'cloudflare',
      'mongodb-atlas',
    ]) {
      expect(names).toContain(`${provider}-mock`);
    }
    const aws = drivers.value.drivers.find((driver: any) => driver.name === 'aws-mock');
    expect(aws.package).toBe('@cloud-inventory/driver-mocks');
    expect(aws.services.flatMap((service: any) => service.resourceTypes)).toContain(
      'aws.ec2.instance',
    );
    // In a clone, the providers the clone has come from its packages/; the others are listed with their package.
    const cloneHas = (provider: string) =>
      existsSync(join(packageDirectory, '..', `driver-${provider}`, 'package.json'));
    expect(cloneHas('aws')).toBe(true);
    expect(names).toContain('aws');
    expect(drivers.value.notInstalled.find((entry: any) => entry.driver === 'aws')).toBeUndefined();
    for (const entry of drivers.value.notInstalled) {
      expect(cloneHas(entry.driver)).toBe(false);
      expect(entry.package).toBe(`@cloud-inventory/driver-${entry.driver}`);
    }
    const one = await runInProcess(['drivers', 'aws-mock'], { cwd });
    expect(one.stdout).toContain('ec2');
    expect(one.stdout).not.toContain('gcp-mock');
  });
});

describe('cloud-inventory sync: partial and failed syncs', () => {
  beforeAll(() => ensureBuiltBinary(), 120_000);

  test('a failed scope makes the sync partial (exit 3); a failed cloud alone exits 1', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        store: 'store',
        clouds: [
          {
            id: 'partly',
            driver: 'gcp-mock',
            config: {
              seed: 5,
              resourceCount: 15,
              failScopes: [{ service: 'compute', errorClass: 'throttled' }],
            },
          },
          {
            id: 'broken',
            driver: 'vultr-mock',
            config: { seed: 6, resourceCount: 15, failAfter: 0 },
          },
        ],
      },
    });
    try {
      const both = await runJson(['sync'], { cwd: workspace.directory });
      expect(both.code).toBe(3);
      expect(both.value.status).toBe('partial');
      const [partly, broken] = both.value.clouds;
      expect(partly.status).toBe('partial');
      expect(
        partly.scopes.some(
          (scope: any) => scope.status === 'failed' && scope.service === 'compute',
        ),
      ).toBe(true);
      expect(broken.status).toBe('failed');
      const failedOnly = await runInProcess(['sync', 'broken'], { cwd: workspace.directory });
      expect(failedOnly.code).toBe(1);
      expect(failedOnly.stdout).toMatch(/broken\s+failed/);
      expect(failedOnly.stderr).toContain('broken: failed: ');
      const partialTable = await runInProcess(['sync', 'partly'], { cwd: workspace.directory });
      expect(partialTable.code).toBe(3);
      expect(partialTable.stdout).toMatch(/partly\s+partial(\s+\d+){5}\s+[1-9]/);
    } finally {
      workspace.cleanup();
    }
  });
});
