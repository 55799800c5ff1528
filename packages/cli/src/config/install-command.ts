import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const lockFiles: Array<[string, string]> = [
  ['pnpm-lock.yaml', 'pnpm add'],
  ['yarn.lock', 'yarn add'],
  ['bun.lock', 'bun add'],
  ['bun.lockb', 'bun add'],
  ['package-lock.json', 'npm install'],
];

/** The command that installs `packageName` here: from the nearest lock file, else the running package manager, else npm. */
export function installCommand(
  packageName: string,
  cwd: string,
  environment: NodeJS.ProcessEnv,
): string {
  let directory = cwd;
  for (;;) {
    for (const [file, command] of lockFiles)
      if (existsSync(join(directory, file))) return `${command} ${packageName}`;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  const agent = environment.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm/')) return `pnpm add ${packageName}`;
  if (agent.startsWith('yarn/')) return `yarn add ${packageName}`;
  if (agent.startsWith('bun/')) return `bun add ${packageName}`;
  return `npm install ${packageName}`;
}
