import { dirname } from 'node:path';
import {
  type CloudDefinition,
  ConfigurationError,
  getCloudDriverFactory,
  hasCloudDriver,
  toDriverFactory,
} from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import {
  interpolateEnvironment,
  type MissingVariable,
  missingVariableMessage,
} from './interpolate-environment.ts';
import { loadConfiguredDrivers } from './load-drivers.ts';
import { readConfigFile } from './read-config-file.ts';
import { unknownDriverProblems } from './unknown-driver.ts';
import { configProblemsError, type ValidatedConfig, validateConfig } from './validate-config.ts';

/** What the command will do with the config. */
export interface LoadConfigOptions {
  /** It reaches the providers (sync, run): credential variables must be set, driver configs are checked. */
  needsCredentials: boolean;
}

// A cloud's credentials: only commands that reach the provider need them.
const credentialPath = /^clouds\[\d+\]\.credentials(\.|\[|$)/;

// Drivers validate their config in the constructor and build SDK clients only in initialize(), so
// building each one is cheap and turns a typo into `clouds[2].config.regions: ...` before any sync.
function driverConfigProblems(clouds: readonly CloudDefinition[]): string[] {
  return clouds.flatMap((cloud, index) => {
    const driver = cloud.driver;
    if (typeof driver === 'string' && !hasCloudDriver(driver)) return [];
    try {
      const factory =
        typeof driver === 'string'
          ? getCloudDriverFactory(driver)
          : toDriverFactory(driver as never);
      factory({
        id: cloud.id ?? `cloud-${index}`,
        driver: typeof driver === 'string' ? driver : 'inline',
        credentials: cloud.credentials,
        config: cloud.config ?? {},
        tags: cloud.tags,
        metadata: cloud.metadata,
      } as never);
      return [];
    } catch (error) {
      // Anything but a configuration problem surfaces in the sync itself, with the driver's message.
      if (!ConfigurationError.isInstance(error)) return [];
      return error.issues.map(
        (issue) =>
          `clouds[${index}].${issue.path}: expected ${issue.expected}, received ${issue.received}`,
      );
    }
  });
}

/**
 * Read, interpolate and check a config file; every problem of the file (variables not set, unknown
 * drivers, the store, every option, unknown keys, each driver's own config for commands that reach
 * the providers) is reported in one usage error. Loads the drivers the config names.
 */
export async function loadConfig(
  context: CliContext,
  configPath: string,
  options: LoadConfigOptions,
): Promise<Omit<ValidatedConfig, 'problems'>> {
  const raw = await readConfigFile(configPath);
  const missing: MissingVariable[] = [];
  const interpolated = interpolateEnvironment(raw, context.environment, configPath, '', missing);
  const needed = options.needsCredentials
    ? missing
    : missing.filter((variable) => !credentialPath.test(variable.path));
  // Mock names resolve once the mocks are loaded; a name nobody registers joins the other problems.
  await import('@cloud-inventory/driver-mocks');
  const clouds = (interpolated as { clouds?: unknown } | null)?.clouds;
  const unknownDrivers = unknownDriverProblems(clouds);
  const validated = validateConfig(interpolated, configPath);
  const problems = [
    ...needed.map((variable) => missingVariableMessage(variable, configPath)),
    ...unknownDrivers,
    ...validated.problems,
  ];
  // Unknown names are already reported; `noop` keeps the other clouds' indexes in messages.
  const knownClouds = Array.isArray(clouds)
    ? (clouds as CloudDefinition[]).map((cloud, index) =>
        unknownDrivers.some((line) => line.startsWith(`clouds[${index}].`))
          ? { driver: 'noop' }
          : cloud,
      )
    : [];
  // A missing driver package is its own error (the install command), raised here.
  await loadConfiguredDrivers(
    { ...validated.pluginOptions, clouds: knownClouds },
    {
      configPath,
      searchFrom: [dirname(configPath), context.cwd],
      cwd: context.cwd,
      environment: context.environment,
    },
  );
  if (options.needsCredentials && Array.isArray(clouds))
    problems.push(...driverConfigProblems(clouds as CloudDefinition[]));
  if (problems.length > 0) {
    const onlyVariables = problems.length === needed.length && needed[0];
    throw configProblemsError(
      configPath,
      problems,
      onlyVariables
        ? `export ${needed.map((variable) => `${variable.name}=...`).join(' ')} before running the command, or write \${${needed[0]?.name}:-default} in the config`
        : undefined,
    );
  }
  const { problems: _checked, ...config } = validated;
  return config;
}
