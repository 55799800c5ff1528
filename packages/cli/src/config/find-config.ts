import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors/usage-error.ts';

/** File names looked for in the working directory, in this order. */
export const configFileNames = [
  'cloud-inventory.config.ts',
  'cloud-inventory.config.mts',
  'cloud-inventory.config.mjs',
  'cloud-inventory.config.js',
  'cloud-inventory.config.json',
  'cloud-inventory.config.yaml',
  'cloud-inventory.config.yml',
] as const;

/** The config file to use: `explicit` (which must exist), else the first known name in `cwd`, else undefined. */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UsageError({
        message: `config file ${path} does not exist`,
        hint: 'check the --config path, or run `cloud-inventory init` to write a starter config',
      });
    }
    return path;
  }
  for (const name of configFileNames) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}
