import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type CloudInventoryPluginOptions,
  hasCloudDriver,
  listCloudDrivers,
  packageForDriver,
} from '@cloud-inventory/core';
import { CliError } from '../errors/cli-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import { importPackage } from './import-package.ts';
import { installCommand } from './install-command.ts';
import { unknownDriverError } from './unknown-driver.ts';
import { cloneRoot } from './workspace-packages.ts';

// `aws`, `digitalocean`, ... for every packages/driver-<name> of the clone except the mocks.
function cloneDrivers(root: string): string[] {
  return readdirSync(join(root, 'packages'))
    .filter(
      (name) => name.startsWith('driver-') && name !== 'driver-mocks' && name !== 'driver-kit',
    )
    .map((name) => name.slice('driver-'.length))
    .sort();
}

/** Where and how to look for driver packages. */
export interface DriverLoadOptions {
  /** Config file, named in errors. */
  configPath: string | undefined;
  /** Folders to resolve packages from (config folder, working directory). */
  searchFrom: string[];
  /** Working directory (for the install command). */
  cwd: string;
  /** Environment (for the install command). */
  environment: NodeJS.ProcessEnv;
  /** The repository clone the CLI runs from (its built drivers are used); null for none. @default detected */
  cloneRoot?: string | null;
  /** How packages are imported (tests replace it). @default importPackage */
  importPackage?: typeof importPackage;
}

/**
 * Import the package of every driver named in the config that is not registered yet
 * (`aws` -> `@cloud-inventory/driver-aws`); a missing package is a usage error with the install command.
 */
export async function loadConfiguredDrivers(
  options: CloudInventoryPluginOptions,
  loadOptions: DriverLoadOptions,
): Promise<void> {
  const attempted = new Map<string, Promise<void>>();
  for (const [index, cloud] of options.clouds.entries()) {
    if (typeof cloud.driver !== 'string' || hasCloudDriver(cloud.driver)) continue;
    const driver = cloud.driver;
    const where = `clouds[${index}].driver`;
    const packageName = packageForDriver(driver);
    if (!packageName) {
      // The mocks come with the CLI: load them so the error lists real names.
      await importPackage('@cloud-inventory/driver-mocks', loadOptions.searchFrom);
      throw unknownDriverError(driver, `${where} in ${loadOptions.configPath ?? 'the config'}`);
    }
    let loading = attempted.get(packageName);
    if (!loading) {
      loading = loadDriverPackage(packageName, driver, where, loadOptions);
      attempted.set(packageName, loading);
    }
    await loading;
    if (!hasCloudDriver(driver)) {
      throw new UsageError({
        message: `${where}: ${packageName} is installed but did not register a driver named "${driver}" (registered: ${listCloudDrivers().join(', ')})`,
        hint: `check the driver name, or update ${packageName}`,
      });
    }
  }
}

async function loadDriverPackage(
  packageName: string,
  driver: string,
  where: string,
  options: DriverLoadOptions,
): Promise<void> {
  const root = options.cloneRoot === undefined ? cloneRoot() : options.cloneRoot;
  const importer = options.importPackage ?? importPackage;
  const outcome = await importer(packageName, options.searchFrom, { cloneRoot: root });
  if (outcome.status === 'loaded') return;
  if (outcome.status === 'unbuilt') {
    throw new UsageError({
      message: `driver "${driver}" (${where}) needs ${packageName}, which is in this clone (${outcome.directory}) but not built`,
      hint: `build the workspace: run ${join(dirname(dirname(outcome.directory)), 'bin', 'cloud-inventory')} once (it builds what is missing), or ./run demo`,
    });
  }
  if (outcome.status === 'missing' && root) {
    throw new UsageError({
      message: `driver "${driver}" (${where}) needs ${packageName}, which this clone does not have (no ${join(root, 'packages', packageName.replace('@cloud-inventory/', ''))})`,
      hint: `drivers in this clone: ${cloneDrivers(root).join(', ')}; update the clone (git pull) for more, or try a mock such as ${driver}-mock`,
    });
  }
  if (outcome.status === 'missing') {
    const command = installCommand(packageName, options.cwd, options.environment);
    throw new UsageError({
      message: `driver "${driver}" (${where}) needs ${packageName}, which is not installed; install it with: ${command}`,
    });
  }
  const reason =
    outcome.error instanceof Error ? outcome.error.message.split('\n')[0] : String(outcome.error);
  throw new CliError({
    message: `could not load ${packageName} for driver "${driver}" (${where}): ${reason}`,
    hint: `reinstall it (${installCommand(packageName, options.cwd, options.environment)}); run with --verbose for the stack`,
    cause: outcome.error,
  });
}
