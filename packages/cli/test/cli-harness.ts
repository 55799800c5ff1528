import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Folder of the CLI package. */
export const packageDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built binary the tests run. */
export const binaryPath = join(packageDirectory, 'dist', 'bin.mjs');

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs,
    );
  }
  return newest;
}

/**
 * Make sure dist/bin.mjs exists and is newer than src/ (build it when not; `./run test` builds first).
 * A lock folder keeps parallel test files from building at the same time.
 */
export function ensureBuiltBinary(): void {
  const fresh = () =>
    existsSync(binaryPath) &&
    statSync(binaryPath).mtimeMs >= newestSourceTime(join(packageDirectory, 'src'));
  if (fresh()) return;
  const lock = join(packageDirectory, '.build-lock');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${lock}; remove it and rerun`);
      spawnSync('sleep', ['0.2']);
      if (fresh()) return;
    }
  }
  try {
    if (fresh()) return;
    const build = spawnSync('pnpm', ['--filter', '@cloud-inventory/cli', 'build'], {
      cwd: packageDirectory,
      encoding: 'utf8',
    });
    if (build.status !== 0 || !existsSync(binaryPath)) {
      throw new Error(
        `packages/cli/dist/bin.mjs is missing or stale and building it failed; run \`pnpm --filter @cloud-inventory/cli build\` (or ./run test).\n${build.stdout}\n${build.stderr}`,
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a CLI run produced. */
export interface CliResult {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** Everything on stdout. */
  stdout: string;
  /** Everything on stderr. */
  stderr: string;
}

/** A minimal environment: no FORCE_COLOR or package-manager variables leak in from the test runner. */
export function baseEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    LANG: 'C.UTF-8',
    // Messages as an installed bin prints them; clone-commands.test.ts checks the clone's wrapper names.
    CLOUD_INVENTORY_PROGRAM_NAME: 'cloud-inventory',
    ...extra,
  };
}

/** Run `cloud-inventory <args>` in `cwd` and collect its output. */
export function runCli(
  args: string[],
  options: { cwd: string; environment?: Record<string, string>; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [binaryPath, ...args], {
      cwd: options.cwd,
      env: baseEnvironment(options.environment),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `cloud-inventory ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/**
 * Run the built CLI's `runCli` (dist/index.mjs) inside the test process: same code as the binary,
 * without paying s3db.js's start-up (about a second per process) for each of the many read checks.
 */
export async function runInProcess(
  args: string[],
  options: { cwd: string; environment?: Record<string, string> },
): Promise<CliResult> {
  const { runCli: run } = (await import(
    pathToFileURL(join(packageDirectory, 'dist', 'index.mjs')).href
  )) as typeof import('../src/index.ts');
  let stdout = '';
  let stderr = '';
  const collect = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, callback) {
        append(String(chunk));
        callback();
      },
    });
  const code = await run(args, {
    cwd: options.cwd,
    environment: baseEnvironment(options.environment),
    stdout: collect((text) => {
      stdout += text;
    }),
    stderr: collect((text) => {
      stderr += text;
    }),
    signals: { onTerminate: () => () => {} },
  });
  return { code, stdout, stderr };
}

/** Run and parse stdout as JSON; fails with the output when it is not JSON. */
export async function runJson<T = any>(
  args: string[],
  options: { cwd: string; environment?: Record<string, string>; inProcess?: boolean },
): Promise<{ code: number | null; value: T; stderr: string }> {
  const result = options.inProcess
    ? await runInProcess([...args, '--json'], options)
    : await runCli([...args, '--json'], options);
  try {
    return { code: result.code, value: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(
      `stdout of cloud-inventory ${args.join(' ')} --json is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
}

/** A temporary working directory, optionally with a config file; removed by `cleanup`. */
export function createWorkspace(files: Record<string, string | object> = {}): {
  directory: string;
  storeUrl: string;
  cleanup(): void;
} {
  const directory = mkdtempSync(join(tmpdir(), 'cloud-inventory-cli-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(
      join(directory, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return {
    directory,
    storeUrl: pathToFileURL(join(directory, 'store')).href,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** Matches ANSI escape codes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting escape codes is the point
export const ansiPattern = /\u001b\[[0-9;]*m/;
