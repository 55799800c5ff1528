import { isAbsolute, relative } from 'node:path';

/** The default name of the command in hints. */
export const defaultProgramName = 'cloud-inventory';

function shortPath(path: string, cwd: string): string {
  const fromHere = relative(cwd, path);
  const short = fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
  // A bare name would be looked up on PATH when pasted; keep a slash so the shell runs this file.
  return short.includes('/') ? short : `./${short}`;
}

/**
 * How the user started the CLI, for the commands it tells them to run: the clone's
 * `bin/cloud-inventory` wrapper (it sets CLOUD_INVENTORY_PROGRAM_NAME), `node path/to/bin.mjs`
 * from a checkout, else `cloud-inventory` (an installed bin).
 */
export function programNameOf(options: {
  script: string;
  environment: NodeJS.ProcessEnv;
  cwd: string;
}): string {
  const fromWrapper = options.environment.CLOUD_INVENTORY_PROGRAM_NAME;
  if (fromWrapper) {
    return fromWrapper === defaultProgramName || !fromWrapper.includes('/')
      ? fromWrapper
      : shortPath(fromWrapper, options.cwd);
  }
  if (/bin\.m?[jt]s$/.test(options.script) && !options.script.includes('/node_modules/'))
    return `node ${shortPath(options.script, options.cwd)}`;
  return defaultProgramName;
}

// `cloud-inventory` as a command word: not part of a package name, a file name or a store folder.
const commandWord = /(?<![\w@/.-])cloud-inventory(?=[ `]|$)/g;

/** Text with every `cloud-inventory <command>` rewritten to start the way the user started the CLI. */
export function withProgramName(text: string, programName: string): string {
  if (programName === defaultProgramName) return text;
  return text.replace(commandWord, programName);
}
