import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cloneRoot, workspacePackage } from './workspace-packages.ts';

/** What importing a package came to. */
export type ImportOutcome =
  | { status: 'loaded'; module: unknown }
  | { status: 'missing' }
  | { status: 'unbuilt'; directory: string }
  | { status: 'broken'; error: unknown };

function entryOf(manifest: Record<string, any>): string | undefined {
  const root = typeof manifest.exports === 'string' ? manifest.exports : manifest.exports?.['.'];
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      return pick(conditions.import) ?? pick(conditions.node) ?? pick(conditions.default);
    }
    return undefined;
  };
  return pick(root) ?? manifest.module ?? manifest.main;
}

// NOTE: resolving from the user's folders first finds drivers installed next to the config even when
// the CLI itself lives elsewhere (global install, pnpm's isolated node_modules).
function locate(packageName: string, searchFrom: readonly string[]): string | undefined {
  for (const base of searchFrom) {
    try {
      const manifestPath = createRequire(join(base, 'noop.js')).resolve(
        `${packageName}/package.json`,
      );
      const entry = entryOf(JSON.parse(readFileSync(manifestPath, 'utf8')));
      if (entry) return pathToFileURL(join(dirname(manifestPath), entry)).href;
    } catch {
      // not installed under this folder
    }
  }
  return undefined;
}

function entryUrlOf(manifestPath: string): string | undefined {
  const entry = entryOf(JSON.parse(readFileSync(manifestPath, 'utf8')));
  return entry ? pathToFileURL(join(dirname(manifestPath), entry)).href : undefined;
}

// The CLI's own dependencies (driver-mocks, core) resolve from here; every package of ours
// exports ./package.json.
function canImport(packageName: string): boolean {
  try {
    createRequire(import.meta.url).resolve(`${packageName}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function isMissing(error: unknown, packageName: string): boolean {
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    message.includes(`'${packageName}'`)
  );
}

/**
 * Import a package from the given folders, then from the CLI's own dependencies, then, when the CLI
 * runs from a clone of the repository, from the clone's `packages/` (its built drivers).
 */
export async function importPackage(
  packageName: string,
  searchFrom: readonly string[],
  options: { cloneRoot?: string | null } = {},
): Promise<ImportOutcome> {
  let located = locate(packageName, searchFrom);
  const root = options.cloneRoot === undefined ? cloneRoot() : options.cloneRoot;
  if (!located && root && !canImport(packageName)) {
    const inClone = workspacePackage(packageName, root);
    if (inClone && !inClone.built) return { status: 'unbuilt', directory: inClone.directory };
    if (inClone) located = entryUrlOf(inClone.manifestPath);
  }
  try {
    return { status: 'loaded', module: await import(located ?? packageName) };
  } catch (error) {
    if (!located && isMissing(error, packageName)) return { status: 'missing' };
    return { status: 'broken', error };
  }
}
