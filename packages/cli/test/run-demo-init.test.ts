import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  baseEnvironment,
  binaryPath,
  createWorkspace,
  ensureBuiltBinary,
  packageDirectory,
  runCli,
  runJson,
} from './cli-harness.ts';

function waitFor(
  check: () => boolean,
  timeoutMs: number,
  describeWait: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out: ${describeWait()}`));
      }
    }, 50);
  });
}

describe('cloud-inventory run, demo and init', () => {
  beforeAll(() => ensureBuiltBinary(), 120_000);

  test('run: SIGINT during a sync waits for it, exits 0 and leaves a complete store', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        store: 'store',
        clouds: [
          {
            id: 'slow',
            driver: 'aws-mock',
            config: { seed: 21, resourceCount: 40, latencyMs: 120 },
          },
        ],
        scheduled: { enabled: true, cron: '0 0 1 1 *', runOnStart: true },
      },
    });
    try {
      const child = spawn(process.execPath, [binaryPath, 'run'], {
        cwd: workspace.directory,
        env: baseEnvironment(),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await waitFor(
        () => stderr.includes('slow: sync started'),
        20_000,
        () => `no "sync started" in:\n${stderr}`,
      );
      child.kill('SIGINT');
      const code = await exited;
      expect(code, stderr).toBe(0);
      expect(stderr).toContain('SIGINT: stopping; waiting for the sync of slow to finish');
      expect(stderr).toMatch(/slow: succeeded, 40 resources/);
      expect(stderr).toContain('stopped cleanly');
      expect(stdout).toBe('');

      const status = await runJson(['status'], { cwd: workspace.directory });
      expect(status.value.clouds[0]).toMatchObject({
        cloudId: 'slow',
        lastRunStatus: 'succeeded',
        lastRunFinished: true,
        totalResources: 40,
        status: 'idle',
      });
      const listed = await runJson(['list', '--limit', '1000'], {
        cwd: workspace.directory,
        inProcess: true,
      });
      expect(listed.value.items).toHaveLength(40);
    } finally {
      workspace.cleanup();
    }
  });

  test('run: nothing scheduled is a usage error', async () => {
    const workspace = createWorkspace({
      'cloud-inventory.config.json': { store: 'store', clouds: [{ driver: 'noop' }] },
    });
    try {
      const result = await runCli(['run'], { cwd: workspace.directory });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('nothing is scheduled');
      expect(result.stderr).toContain('--cron');
    } finally {
      workspace.cleanup();
    }
  });

  test('demo: a small two-cycle run of the eleven mock clouds, then the report; it can run again', async () => {
    const workspace = createWorkspace();
    try {
      const first = await runCli(['demo', '--cycles', '2', '--resources', '12'], {
        cwd: workspace.directory,
        timeoutMs: 60_000,
        // As `node .../dist/bin.mjs` started by hand, not through bin/cloud-inventory.
        environment: { CLOUD_INVENTORY_PROGRAM_NAME: '' },
      });
      expect(first.code, first.stderr).toBe(0);
      expect(existsSync(join(workspace.directory, '.cloud-inventory', 'demo'))).toBe(true);
      expect(first.stdout).toContain('Resources per cloud');
      expect(first.stdout).toContain('Changes per cycle');
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
        expect(first.stdout).toMatch(new RegExp(`\\n${provider}-demo\\s+${provider}-mock\\s+\\d+`));
      }
      expect(first.stdout).toMatch(/\n\s+1\s+succeeded\s+132\s+132\s+0\s+0\s+0/);
      // Started as `node .../dist/bin.mjs` in a clone, the hints name the clone's wrapper, which
      // works in a fresh shell with any system Node (clone-commands.test.ts runs them).
      const wrapper = join(packageDirectory, '..', '..', 'bin', 'cloud-inventory');
      expect(first.stdout).toContain(`${wrapper} list --store .cloud-inventory/demo`);
      expect(first.stderr).toContain('cycle 2/2: succeeded');

      const again = await runJson(['demo', '--cycles', '1', '--resources', '12'], {
        cwd: workspace.directory,
        inProcess: true,
      });
      expect(again.code, again.stderr).toBe(0);
      expect(again.value.cycles).toHaveLength(1);
      const [cycle] = again.value.cycles;
      const created = cycle.summaries.reduce(
        (total: number, summary: any) => total + summary.created,
        0,
      );
      const unchanged = cycle.summaries.reduce(
        (total: number, summary: any) => total + summary.unchanged,
        0,
      );
      // The history continues: most resources are already known.
      expect(unchanged).toBeGreaterThan(created);
      expect(again.value.clouds).toHaveLength(11);
      if (again.value.exampleChange)
        expect(again.value.exampleChange).toMatchObject({ kind: 'updated' });

      const status = await runJson(['status', '--store', '.cloud-inventory/demo'], {
        cwd: workspace.directory,
        inProcess: true,
      });
      expect(status.value.clouds).toHaveLength(11);
      expect(status.value.clouds.every((cloud: any) => cloud.lastRunStatus === 'succeeded')).toBe(
        true,
      );
    } finally {
      workspace.cleanup();
    }
  });

  test('init writes a starter config that syncs, and refuses to overwrite without --force', async () => {
    const workspace = createWorkspace();
    try {
      const created = await runCli(['init'], { cwd: workspace.directory });
      expect(created.code).toBe(0);
      const path = join(workspace.directory, 'cloud-inventory.config.mjs');
      const text = readFileSync(path, 'utf8');
      expect(text).toContain("driver: 'aws-mock'");
      expect(text).toContain("// {\n    //   id: 'aws-prod',\n    //   driver: 'aws',");
      expect(text).toContain(`\${AWS_ACCESS_KEY_ID}`);
      expect(text).toContain("driver: 'digitalocean'");
      const refused = await runCli(['init'], { cwd: workspace.directory });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('already exists');
      expect(refused.stderr).toContain('--force');
      const forced = await runCli(['init', '--force'], { cwd: workspace.directory });
      expect(forced.code).toBe(0);
      const dryRun = await runJson(['sync', '--dry-run'], { cwd: workspace.directory });
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(dryRun.value.clouds.map((cloud: any) => cloud.cloudId)).toEqual([
        'aws-sandbox',
        'do-sandbox',
      ]);
      expect(
        dryRun.value.clouds.every((cloud: any) => cloud.dryRun === true && cloud.created > 0),
      ).toBe(true);
      const status = await runJson(['status'], { cwd: workspace.directory, inProcess: true });
      expect(status.value.clouds.every((cloud: any) => cloud.status === 'never-synced')).toBe(true);
    } finally {
      workspace.cleanup();
    }
  });
});
