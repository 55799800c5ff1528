import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root of the repository clone this CLI runs from, or undefined for an installed CLI. */
export function cloneRoot(fromUrl: string = import.meta.url): string | undefined {
  const file = fileURLToPath(fromUrl);
  if (file.includes('/node_modules/')) return undefined;
  let directory = dirname(file);
  for (;;) {
    if (
      existsSync(join(directory, 'pnpm-workspace.yaml')) &&
      existsSync(join(directory, 'packages', 'cli', 'package.json'))
    )
      return directory;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Where a `@cloud-inventory/*` package lives in a clone: its folder and whether it was built. */
export interface WorkspacePackage {
  /** Folder of the package (`<clone>/packages/driver-aws`). */
  directory: string;
  /** Path of its manifest. */
  manifestPath: string;
  /** True when `dist/` exists (`pnpm build` or `./run demo` ran). */
  built: boolean;
}

/** The package of this clone named `packageName` (`@cloud-inventory/driver-aws` -> packages/driver-aws). */
export function workspacePackage(
  packageName: string,
  root: string | undefined = cloneRoot(),
): WorkspacePackage | undefined {
  if (!root || !packageName.startsWith('@cloud-inventory/')) return undefined;
  const directory = join(root, 'packages', packageName.slice('@cloud-inventory/'.length));
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string };
    if (manifest.name !== packageName) return undefined;
  } catch {
    return undefined;
  }
  return { directory, manifestPath, built: existsSync(join(directory, 'dist')) };
}
