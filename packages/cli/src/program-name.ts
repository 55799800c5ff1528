import { isAbsolute, join, relative } from 'node:path';

/** The default name of the command in hints. */
export const defaultProgramName = 'cloud-inventory';

function shortPath(path: string, cwd: string): string {
  const fromHere = relative(cwd, path);
  const short = fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
  // A bare name would be looked up on PATH when pasted; keep a slash so the shell runs this file.
  return short.includes('/') ? short : `./${short}`;
}

/**
 * How to start the CLI in the commands it tells the user to run: as the clone's
 * `bin/cloud-inventory` wrapper was typed (it sets CLOUD_INVENTORY_PROGRAM_NAME), the clone's
 * wrapper when started as `node path/to/bin.mjs` from a clone, else `cloud-inventory` (an installed bin).
 */
export function programNameOf(options: {
  environment: NodeJS.ProcessEnv;
  cwd: string;
  /** The repository clone the CLI runs from, if any. */
  cloneRoot?: string | undefined;
}): string {
  const fromWrapper = options.environment.CLOUD_INVENTORY_PROGRAM_NAME;
  if (fromWrapper) {
    return fromWrapper === defaultProgramName || !fromWrapper.includes('/')
      ? fromWrapper
      : shortPath(fromWrapper, options.cwd);
  }
  // `node packages/cli/dist/bin.mjs` in a clone: the wrapper is what works in a fresh shell.
  if (options.cloneRoot)
    return shortPath(join(options.cloneRoot, 'bin', 'cloud-inventory'), options.cwd);
  return defaultProgramName;
}

// `cloud-inventory` as a command word: not part of a package name, a file name or a store folder.
const commandWord = /(?<![\w@/.-])cloud-inventory(?=[ `]|$)/g;

/** Text with every `cloud-inventory <command>` rewritten to start the way the user started the CLI. */
export function withProgramName(text: string, programName: string): string {
  if (programName === defaultProgramName) return text;
  return text.replace(commandWord, programName);
}
