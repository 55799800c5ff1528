import {
  type CloudInventoryPluginOptions,
  ConfigurationError,
  validatePluginOptions,
} from '@cloud-inventory/core';
import { UsageError } from '../errors/usage-error.ts';
import type { CloudInventoryConfig } from './define-config.ts';

/** A config split into the store and the plugin options, checked by core's validator. */
export interface ValidatedConfig {
  /** Store connection string from the config, if any. */
  store?: string;
  /** Plugin options, with `discovery.runOnInstall` forced off (the CLI decides when to sync). */
  pluginOptions: CloudInventoryPluginOptions;
  /** Every problem found (the store, every option, unknown keys at any level), one line each. */
  problems: string[];
}

function storeProblem(store: unknown): string | undefined {
  if (store === undefined || (typeof store === 'string' && store.trim() !== '')) return undefined;
  return `store: expected an s3db.js connection string or a folder, received ${JSON.stringify(store)}`;
}

/**
 * Check a loaded config: the store and core's validation of every option and unknown key at any
 * level, one problem line each with its path (`clouds[0].driver`). Only a config that is not an
 * object at all is thrown at once.
 */
export function validateConfig(raw: unknown, configPath: string): ValidatedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError({
      message: `invalid config ${configPath}: expected an object with a clouds array, received ${Array.isArray(raw) ? 'an array' : typeof raw}`,
      hint: 'export an object such as { clouds: [{ driver: "aws-mock" }] }',
    });
  }
  const { store, ...options } = raw as CloudInventoryConfig & Record<string, unknown>;
  const problems: string[] = [];
  const badStore = storeProblem(store);
  if (badStore) problems.push(badStore);
  const discovery = options.discovery;
  const pluginOptions = {
    ...options,
    discovery:
      typeof discovery === 'object' && discovery !== null
        ? { ...discovery, runOnInstall: false }
        : discovery,
  } as CloudInventoryPluginOptions;
  try {
    validatePluginOptions(pluginOptions, { extraKeys: ['store'] });
  } catch (error) {
    if (!ConfigurationError.isInstance(error)) throw error;
    problems.push(
      ...error.issues.map(
        (issue) => `${issue.path}: expected ${issue.expected}, received ${issue.received}`,
      ),
    );
  }
  if (pluginOptions.discovery === undefined) pluginOptions.discovery = { runOnInstall: false };
  return { ...(store !== undefined ? { store } : {}), pluginOptions, problems };
}

/** One usage error listing every problem of a config file. */
export function configProblemsError(
  configPath: string,
  problems: readonly string[],
  hint?: string,
): UsageError {
  return new UsageError({
    message: `invalid config ${configPath} (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.join('; ')}`,
    hint:
      hint ??
      'fix every problem listed (the @cloud-inventory/cli README has the reference; `cloud-inventory init` in an empty folder writes a commented example)',
  });
}
