import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createWorkspace,
  ensureBuiltBinary,
  runCli,
  runInProcess,
  runJson,
} from './cli-harness.ts';

// Issue 20, items 2, 5, 6 and 7: what a newcomer hit with a real driver and a hand-written config.
const reference = (name: string) => `\${${name}}`;

function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => handler(request, response));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

beforeAll(() => ensureBuiltBinary(), 120_000);

describe('config errors at once, with every key checked', () => {
  test('one run reports every problem of the file, unknown keys with a did-you-mean', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        stor: './inventory',
        clouds: [
          {
            id: 'do-team',
            driver: 'digitalocean',
            credentials: { token: reference('NEWCOMER_MISSING_TOKEN') },
            config: { endpoint: 'api.digitalocean.com/v2' },
          },
          { id: 'typo', driver: 'digitalocen' },
          {
            id: 'mock',
            driver: 'aws-mock',
            config: { seed: 1, resourceCount: -1 },
            scheduled: { enabled: false, crom: '* * * * *' },
          },
        ],
        discovery: { dryrun: true },
        lock: { ttll: 30 },
        storage: { writeConcurency: 4 },
      },
    });
    try {
      const result = await runInProcess(['sync'], { cwd: workspace.directory });
      expect(result.code).toBe(2);
      const [line = ''] = result.stderr.split('\n');
      for (const expected of [
        'environment variable NEWCOMER_MISSING_TOKEN is not set (used at clouds[0].credentials.token',
        'clouds[0].config.endpoint: expected an absolute URL',
        'cloud "do-team"',
        'clouds[1].driver: no cloud driver named "digitalocen"; did you mean "digitalocean"?',
        'Installable provider drivers: aws, gcp, azure',
        'clouds[2].scheduled.crom',
        // The driver's own config check runs in the same pass.
        'clouds[2].config.resourceCount',
        'did you mean "cron"?',
        'discovery.dryrun',
        'did you mean "dryRun"?',
        'lock.ttll',
        'storage.writeConcurency',
        'did you mean "store"?',
      ])
        expect(line).toContain(expected);
      // The unknown top-level key lists store among the known ones.
      expect(line).toMatch(/stor: expected a known key \([^)]*\bstore\b/);
      expect(line).toContain('(9 problems)');
    } finally {
      workspace.cleanup();
    }
  });

  test('an .mjs config with a syntax error shows file:line and the line', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.mjs':
        "export default {\n  clouds: [\n    { driver: 'aws-mock' }\n    { driver: 'gcp-mock' },\n  ],\n};\n",
    });
    try {
      const result = await runCli(['list'], { cwd: workspace.directory });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `could not load config ${join(workspace.directory, 'cloud-inventory.config.mjs')}:4`,
      );
      expect(result.stderr).toContain("{ driver: 'gcp-mock' },");
      expect(result.stderr).toContain('^');
    } finally {
      workspace.cleanup();
    }
  });
});

describe('read commands need no provider credentials', () => {
  const workspace = createWorkspace({
    'cloud-inventory.config.json': {
      store: './store',
      clouds: [
        {
          id: 'mock-a',
          driver: 'aws-mock',
          credentials: { accessKeyId: reference('NEWCOMER_KEY_ID') },
          config: { seed: 5, resourceCount: 8 },
        },
        { id: 'hz', driver: 'hetzner', credentials: { token: reference('HCLOUD_TOKEN') } },
      ],
    },
  });
  afterAll(() => workspace.cleanup());

  test('list, show, history, diff, changes, export and status run with the variables unset; sync names them', async () => {
    const environment = { NEWCOMER_KEY_ID: 'AKIAEXAMPLE', HCLOUD_TOKEN: 'unused-here' };
    for (const round of [1, 2]) {
      const synced = await runInProcess(['sync', 'mock-a'], {
        cwd: workspace.directory,
        environment,
      });
      expect(synced.code, `sync ${round}: ${synced.stderr}`).toBe(0);
    }
    const updated = await runJson(['changes', '--since', '1h', '--kind', 'updated'], {
      cwd: workspace.directory,
      inProcess: true,
    });
    expect(updated.code, updated.stderr).toBe(0);
    const id = String(updated.value.items[0].snapshotId);
    for (const args of [
      ['show', id],
      ['history', id],
      ['diff', id],
      ['changes', '--since', '1h'],
      ['export', '--format', 'csv'],
      ['status'],
    ]) {
      const result = await runInProcess(args, { cwd: workspace.directory });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    const refused = await runInProcess(['sync'], { cwd: workspace.directory });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('NEWCOMER_KEY_ID');
    expect(refused.stderr).toContain('HCLOUD_TOKEN');
  });
});

describe('real drivers from a clone and messages that lead somewhere', () => {
  test('the clone’s hetzner driver loads; an unreachable endpoint names it and config.endpoint; every scope failed exits 1', async () => {
    const { server, url } = await listen((_request, response) => response.destroy());
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        store: './store',
        clouds: [
          {
            id: 'hz',
            driver: 'hetzner',
            credentials: { token: 'not-a-real-token' },
            config: { endpoint: url, retry: { maximumAttempts: 1 } },
          },
        ],
      },
    });
    try {
      const result = await runCli(['sync'], { cwd: workspace.directory, timeoutMs: 60_000 });
      expect(result.stderr).not.toContain('npm install');
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/hz\s+failed/);
      expect(result.stderr).toContain(`could not reach ${url}`);
      expect(result.stderr).toContain('config.endpoint');
      const drivers = await runInProcess(['drivers', 'hetzner'], { cwd: workspace.directory });
      expect(drivers.code, drivers.stderr).toBe(0);
      expect(drivers.stdout).toContain('hetzner.server');
    } finally {
      server.close();
      workspace.cleanup();
    }
  }, 90_000);

  test('a refused token is reported once', async () => {
    const { server, url } = await listen((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'unauthorized', message: 'unable to authenticate' } }),
      );
    });
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        store: './store',
        clouds: [
          {
            id: 'hz',
            driver: 'hetzner',
            credentials: { token: 'wrong' },
            config: { endpoint: url },
          },
        ],
      },
    });
    try {
      const result = await runCli(['sync'], { cwd: workspace.directory, timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      expect(result.stderr.match(/unable to authenticate/g), result.stderr).toHaveLength(1);
    } finally {
      server.close();
      workspace.cleanup();
    }
  }, 90_000);

  test('every provider driver of the clone is installed; none is sent to npm', async () => {
    const workspace = createWorkspace({});
    try {
      const result = await runInProcess(['drivers', '--json'], { cwd: workspace.directory });
      expect(result.code, result.stderr).toBe(0);
      const listed = JSON.parse(result.stdout) as {
        drivers: Array<{ name: string; package: string }>;
        notInstalled: unknown[];
      };
      const providers = [
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
      ];
      expect(listed.drivers.map((driver) => driver.name)).toEqual(
        expect.arrayContaining(providers),
      );
      expect(listed.notInstalled).toEqual([]);
      expect(result.stdout).not.toContain('npm install');
    } finally {
      workspace.cleanup();
    }
  });
});
