import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorkspace, ensureBuiltBinary, runCli, runInProcess } from './cli-harness.ts';

const config = {
  clouds: [
    {
      id: 'hetzner-test',
      driver: 'hetzner-mock',
      config: { seed: 5, resourceCount: 20, driftRate: 0.3, deleteRate: 0.1 },
    },
  ],
  store: 'store',
};

// Finds the index shard files of a cloud in a file:// store.
function indexShards(storePath: string): string[] {
  const folder = join(storePath, 'plugin=cloud-inventory', 'index', 'hetzner-test');
  return readdirSync(folder).map((name) => join(folder, name));
}

describe('cloud-inventory verify', () => {
  let workspace: ReturnType<typeof createWorkspace>;
  beforeAll(async () => {
    ensureBuiltBinary();
    workspace = createWorkspace({ 'cloud-inventory.config.json': config });
    for (let run = 0; run < 2; run += 1) {
      const result = await runInProcess(['sync'], { cwd: workspace.directory });
      expect(result.code, result.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => workspace?.cleanup());

  test('a clean store exits 0; a damaged index exits 1 naming it; --repair fixes it and exits 0', async () => {
    const cwd = workspace.directory;
    const clean = await runCli(['verify'], { cwd });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/hetzner-test: clean \(\d+ resources/);

    for (const shard of indexShards(join(cwd, 'store'))) rmSync(shard, { force: true });
    const damaged = await runInProcess(['verify', 'hetzner-test'], { cwd });
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/index-unreadable/);
    expect(damaged.stdout).toMatch(/verify hetzner-test --repair/);

    const repaired = await runInProcess(['verify', 'hetzner-test', '--repair', '--json'], { cwd });
    expect(repaired.code, repaired.stderr).toBe(0);
    const report = JSON.parse(repaired.stdout).reports[0];
    expect(report).toMatchObject({ clean: true, problems: [] });
    expect(report.repaired.map((problem: { kind: string }) => problem.kind)).toEqual([
      'index-unreadable',
    ]);
    // The rebuilt index knows every resource: the mock's drift creates a few, nothing is re-created.
    const sync = await runInProcess(['sync', '--json'], { cwd });
    const cloud = JSON.parse(sync.stdout).clouds[0];
    expect(cloud.unchanged).toBeGreaterThan(cloud.created * 3);
  }, 120_000);
});
