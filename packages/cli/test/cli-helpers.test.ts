import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { interpolateEnvironment } from '../src/config/interpolate-environment.ts';
import { UsageError } from '../src/errors/usage-error.ts';
import {
  needsHeapTuning,
  runWithHeapTuning,
  workerNodeFlags,
  workerProcessEnvironment,
} from '../src/heap-tuning.ts';
import { parseDuration, parseMoment } from '../src/parse/parse-time.ts';
import { parseTags } from '../src/parse/parse-values.ts';
import { renderDiff, summarizeDiff } from '../src/render/diff.ts';
import { createExportEncoder, csvField } from '../src/render/export-writers.ts';
import { formatQuantity } from '../src/render/format.ts';
import { renderTable } from '../src/render/table.ts';
import { maskCredentials } from '../src/store/mask-credentials.ts';
import { resolveStore } from '../src/store/resolve-store.ts';
import { createPalette } from '../src/terminal/palette.ts';
import { detectTerminal } from '../src/terminal/terminal.ts';

const plain = createPalette(false);

describe('cli helpers', () => {
  test('sync and run start again with a small young generation, once, unless told otherwise', () => {
    const unix = process.platform !== 'win32';
    expect(needsHeapTuning(['sync'], {})).toBe(unix);
    expect(needsHeapTuning(['--config', 'x.json', 'run'], {})).toBe(unix);
    expect(needsHeapTuning(['list'], {})).toBe(false);
    expect(needsHeapTuning(['run', '--help'], {})).toBe(false);
    expect(needsHeapTuning(['sync', '-h'], {})).toBe(false);
    expect(needsHeapTuning(['sync'], { CLOUD_INVENTORY_HEAP_TUNED: '1' })).toBe(false);
    expect(needsHeapTuning(['sync'], { NODE_OPTIONS: '--max-semi-space-size=16' })).toBe(false);
    expect(needsHeapTuning(['run'], { NODE_OPTIONS: '--optimize-for-size' })).toBe(false);
  });

  test('the re-executed worker gets the malloc settings, and keeps the ones the user set', () => {
    expect(workerProcessEnvironment({ HOME: '/h' })).toEqual({
      HOME: '/h',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
    expect(workerProcessEnvironment({ MALLOC_TRIM_THRESHOLD_: '0' }).MALLOC_TRIM_THRESHOLD_).toBe(
      '0',
    );
  });

  test('the re-executed worker really starts with the flags and settings, and its exit code comes back', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'heap-tuning-'));
    try {
      const script = join(directory, 'worker.mjs');
      const report = join(directory, 'report.json');
      writeFileSync(
        script,
        `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(report)}, JSON.stringify({ execArgv: process.execArgv, trim: process.env.MALLOC_TRIM_THRESHOLD_, tuned: process.env.CLOUD_INVENTORY_HEAP_TUNED, args: process.argv.slice(2) }));
process.exit(7);`,
      );
      expect(await runWithHeapTuning(script, ['sync', '--quiet'])).toBe(7);
      const seen = JSON.parse(readFileSync(report, 'utf8'));
      expect(seen.execArgv).toEqual(expect.arrayContaining(workerNodeFlags));
      expect(seen).toMatchObject({
        trim: process.env.MALLOC_TRIM_THRESHOLD_ ?? '131072',
        tuned: '1',
        args: ['sync', '--quiet'],
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('times: durations back from now and ISO times; anything else is a usage error', () => {
    const now = new Date('2026-02-01T12:00:00Z');
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseMoment('24h', '--since', now).toISOString()).toBe('2026-01-31T12:00:00.000Z');
    expect(parseMoment('7d', '--since', now).toISOString()).toBe('2026-01-25T12:00:00.000Z');
    expect(parseMoment('2026-01-02T03:04:05Z', '--since', now).toISOString()).toBe(
      '2026-01-02T03:04:05.000Z',
    );
    expect(() => parseMoment('last week', '--since', now)).toThrow(UsageError);
  });

  test('environment interpolation walks plain objects, supports defaults and $$, and names a missing variable', () => {
    const config = {
      store: `s3://\${KEY}:\${SECRET}@bucket`,
      clouds: [{ config: { region: `\${REGION:-eu-west-1}`, price: '$$5' } }],
    };
    const output = interpolateEnvironment(config, { KEY: 'k', SECRET: 's' }, '/x/config.json');
    expect(output).toEqual({
      store: 's3://k:s@bucket',
      clouds: [{ config: { region: 'eu-west-1', price: '$5' } }],
    });
    expect(() => interpolateEnvironment(config, { KEY: 'k' }, '/x/config.json')).toThrow(
      /SECRET is not set \(used at store in \/x\/config\.json\)/,
    );
    class Driver {}
    expect(interpolateEnvironment({ driver: Driver }, {}, 'c').driver).toBe(Driver);
  });

  test('credentials are masked in connection strings and query parameters', () => {
    expect(maskCredentials('open s3://AKIA:se/cret@bucket/prefix failed')).toBe(
      'open s3://***@bucket/prefix failed',
    );
    expect(maskCredentials('http://key:secret@127.0.0.1:9000/b?sessionToken=abc&x=1')).toBe(
      'http://***@127.0.0.1:9000/b?sessionToken=***&x=1',
    );
    expect(maskCredentials('file:///tmp/store')).toBe('file:///tmp/store');
  });

  test('store precedence: flag, environment, config (relative to its folder), default', () => {
    const environment = { CLOUD_INVENTORY_STORE: 'memory://env' };
    expect(
      resolveStore({ flag: 'memory://flag', environment, config: 'memory://config', cwd: '/w' }),
    ).toMatchObject({ connectionString: 'memory://flag', source: '--store' });
    expect(resolveStore({ environment, config: 'memory://config', cwd: '/w' }).source).toBe(
      'CLOUD_INVENTORY_STORE',
    );
    expect(
      resolveStore({
        environment: {},
        config: 'data',
        configDirectory: '/etc/inventory',
        cwd: '/w',
      }).connectionString,
    ).toBe('file:///etc/inventory/data');
    expect(resolveStore({ environment: {}, cwd: '/w' })).toMatchObject({
      connectionString: 'file:///w/.cloud-inventory',
      source: 'default',
    });
    expect(resolveStore({ environment: {}, config: 's3://a:b@bucket/p', cwd: '/w' }).display).toBe(
      's3://***@bucket/p',
    );
  });

  test('colours: off for non-TTY streams, with NO_COLOR or --no-color; FORCE_COLOR turns them on', () => {
    const notTty = { write: () => true, isTTY: false } as never;
    const tty = { write: () => true, isTTY: true } as never;
    expect(
      detectTerminal({ noColor: false, environment: {}, stdout: notTty, stderr: notTty }).out
        .enabled,
    ).toBe(false);
    expect(
      detectTerminal({ noColor: false, environment: {}, stdout: tty, stderr: tty }).liveProgress,
    ).toBe(true);
    expect(
      detectTerminal({ noColor: false, environment: { NO_COLOR: '1' }, stdout: tty, stderr: tty })
        .liveProgress,
    ).toBe(false);
    expect(
      detectTerminal({ noColor: true, environment: {}, stdout: tty, stderr: tty }).out.enabled,
    ).toBe(false);
    expect(
      detectTerminal({
        noColor: false,
        environment: { FORCE_COLOR: '1' },
        stdout: notTty,
        stderr: notTty,
      }).out.enabled,
    ).toBe(true);
    expect(
      detectTerminal({
        noColor: false,
        environment: { FORCE_COLOR: '1' },
        stdout: notTty,
        stderr: notTty,
      }).liveProgress,
    ).toBe(false);
  });

  test('tables align columns and right-align numbers; diffs render + - ~ lines in path order', () => {
    const lines = renderTable(
      [
        { name: 'a', count: 5 },
        { name: 'bbb', count: 1234 },
      ],
      [
        { header: 'NAME', value: (row) => row.name },
        { header: 'COUNT', value: (row) => String(row.count), alignRight: true },
      ],
    );
    expect(lines).toEqual(['NAME  COUNT', 'a         5', 'bbb    1234']);
    const diff = {
      added: { 'tags.owner': 'ana' },
      removed: { 'configuration.b': 1 },
      updated: { 'configuration.a': { before: 't3.micro', after: 't3.large' } },
    };
    expect(renderDiff(diff, { palette: plain })).toEqual([
      '~ configuration.a',
      '    - "t3.micro"',
      '    + "t3.large"',
      '- configuration.b = 1',
      '+ tags.owner = "ana"',
    ]);
    expect(summarizeDiff(diff)).toBe('1 added, 1 removed, 1 updated');
  });

  test('exports: CSV quoting, a JSON array even when empty', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField({ k: 'v' })).toBe('"{""k"":""v""}"');
    const json = createExportEncoder('json', []);
    expect(json.start() + json.end()).toBe('[]\n');
    const two = createExportEncoder('json', []);
    expect(
      JSON.parse(two.start() + two.record({ a: 1 }) + two.record({ a: 2 }) + two.end()),
    ).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseTags(['env=prod', 'owner'])).toEqual({ env: 'prod', owner: true });
  });
});

describe('formatQuantity', () => {
  test('"1 version", "2 versions", "1,000 resources"', () => {
    expect(formatQuantity(1, 'version')).toBe('1 version');
    expect(formatQuantity(2, 'version')).toBe('2 versions');
    expect(formatQuantity(0, 'change')).toBe('0 changes');
    expect(formatQuantity(1000, 'resource')).toBe('1,000 resources');
  });
});
