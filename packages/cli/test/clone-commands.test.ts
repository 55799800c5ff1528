import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, ensureBuiltBinary, packageDirectory } from './cli-harness.ts';

// Item 1 of issue 20: every command the README or the CLI's own output tells a user to run works
// when pasted into a fresh shell with only the system's Node (20 here) on PATH.
const repositoryRoot = resolve(packageDirectory, '..', '..');
const wrapper = join(repositoryRoot, 'bin', 'cloud-inventory');
const systemPath = '/usr/local/bin:/usr/bin:/bin';

function paste(
  command: string,
  cwd: string,
): { code: number | null; stdout: string; output: string } {
  const result = spawnSync('/bin/bash', ['-c', command], {
    cwd,
    env: { PATH: systemPath, HOME: process.env.HOME ?? cwd, LANG: 'C.UTF-8' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

// `serve` runs until stopped: it is pasted as printed (on any free port), must start listening,
// and is then stopped by `timeout`.
function pasteCommand(command: string, cwd: string): { code: number | null; output: string } {
  if (!/\bserve\b/.test(command)) return paste(command, cwd);
  const result = paste(`timeout -s INT 8 ${command} --port 0`, cwd);
  const listening = /dashboard on http:\/\/127\.0\.0\.1:\d+\//.test(result.output);
  return { code: listening ? 0 : (result.code ?? 1), output: result.output };
}

function exploreLines(report: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Explore it');
  return lines
    .slice(start + 1)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function readmeCommands(): string[] {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('bin/cloud-inventory'));
}

describe('commands printed by the demo and the README, in a shell with the system Node only', () => {
  const workspace = createWorkspace();
  let demoOutput = '';

  beforeAll(() => {
    ensureBuiltBinary();
    const demo = paste(
      `'${wrapper}' demo --cycles 3 --resources 20 --no-color`,
      workspace.directory,
    );
    demoOutput = demo.stdout;
    expect(demo.code, demo.output).toBe(0);
  }, 120_000);
  afterAll(() => workspace.cleanup());

  it('has a system Node older than 24 on that PATH (what the user had)', () => {
    const version = paste('node --version', workspace.directory);
    if (version.code === 0) expect(version.output).not.toMatch(/^v2[4-9]/);
  });

  it('runs every "Explore it" command of the demo as printed', () => {
    const commands = exploreLines(demoOutput);
    expect(commands.length, demoOutput).toBeGreaterThanOrEqual(4);
    for (const command of commands) {
      expect(command.startsWith(wrapper), command).toBe(true);
      const result = pasteCommand(command, workspace.directory);
      expect(result.code, `${command}\n${result.output}`).toBe(0);
    }
    expect(existsSync(join(workspace.directory, 'inventory.csv'))).toBe(true);
  }, 120_000);

  it('runs every bin/cloud-inventory command of the README', () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      // From the folder the demo wrote, with bin/ resolved to this clone.
      const result = pasteCommand(
        command.replace(/^bin\//, `${repositoryRoot}/bin/`),
        workspace.directory,
      );
      expect(result.code, `${command}\n${result.output}`).toBe(0);
    }
  }, 120_000);

  it('says that a second demo continues the existing history', () => {
    const again = paste(
      `'${wrapper}' demo --cycles 1 --resources 20 --no-color`,
      workspace.directory,
    );
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/continuing the existing history in .*\.cloud-inventory\/demo/);
  }, 120_000);

  it('prints hints that start the way the command was typed', () => {
    const typo = paste(`'${wrapper}' lst`, workspace.directory);
    expect(typo.code).toBe(2);
    expect(typo.output).toContain(`did you mean \`${wrapper} list\`?`);
    const viaPath = paste(
      `PATH="${repositoryRoot}/bin:$PATH" cloud-inventory lst`,
      workspace.directory,
    );
    expect(viaPath.output).toContain('did you mean `cloud-inventory list`?');
  }, 60_000);

  it('./run without a command names the wrapper in its usage', () => {
    const usage = paste(`'${join(repositoryRoot, 'run')}'`, workspace.directory);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('bin/cloud-inventory');
  });
});
