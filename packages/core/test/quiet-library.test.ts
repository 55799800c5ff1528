import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'library-user.ts');

function runLibraryUser(mode: 'recommended' | 'plain') {
  return spawnSync(process.execPath, ['--conditions=source', script, mode], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
}

describe('a library user’s stdout (issue 20, item 8)', () => {
  test('connectInventoryDatabase keeps stdout empty through connect, install, sync and disconnect', () => {
    const result = runLibraryUser('recommended');
    expect(result.stderr).toContain('synced: succeeded 1');
    expect(result.stdout).toBe('');
  }, 60_000);

  test('s3db.js with its default options prints "database connected" there (what the helper prevents)', () => {
    const result = runLibraryUser('plain');
    expect(result.stderr).toContain('synced: succeeded 1');
    expect(result.stdout).toContain('database connected');
  }, 60_000);
});
