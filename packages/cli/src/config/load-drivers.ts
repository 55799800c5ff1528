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
      throw new UsageError({
        message: `${where} in ${loadOptions.configPath ?? 'the config'}: no cloud driver named "${driver}" (registered: ${listCloudDrivers().join(', ') || 'none'})`,
        hint: 'use a provider name such as aws, gcp, azure, digitalocean or a mock such as aws-mock; `cloud-inventory drivers` lists what is installed',
      });
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
  const outcome = await importPackage(packageName, options.searchFrom);
  if (outcome.status === 'loaded') return;
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
