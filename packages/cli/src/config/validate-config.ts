import { type CloudInventoryPluginOptions, validatePluginOptions } from '@cloud-inventory/core';
import { UsageError } from '../errors/usage-error.ts';
import { configurationUsageError } from './config-errors.ts';
import type { CloudInventoryConfig } from './define-config.ts';

/** A config split into the store and the plugin options, checked by core's validator. */
export interface ValidatedConfig {
  /** Store connection string from the config, if any. */
  store?: string;
  /** Plugin options, with `discovery.runOnInstall` forced off (the CLI decides when to sync). */
  pluginOptions: CloudInventoryPluginOptions;
}

/** Check a loaded config; every problem is reported in one usage error naming its path (`clouds[0].driver`). */
export function validateConfig(raw: unknown, configPath: string): ValidatedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError({
      message: `invalid config ${configPath}: expected an object with a clouds array, received ${Array.isArray(raw) ? 'an array' : typeof raw}`,
      hint: 'export an object such as { clouds: [{ driver: "aws-mock" }] }',
    });
  }
  const { store, ...options } = raw as CloudInventoryConfig & Record<string, unknown>;
  if (store !== undefined && (typeof store !== 'string' || store.trim() === '')) {
    throw new UsageError({
      message: `invalid config ${configPath}: store: expected an s3db.js connection string, received ${JSON.stringify(store)}`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: config interpolation syntax, not a template
      hint: 'e.g. store: "file:///var/lib/cloud-inventory" or "s3://${AWS_ACCESS_KEY_ID}:${AWS_SECRET_ACCESS_KEY}@bucket/inventory"',
    });
  }
  const pluginOptions = {
    ...options,
    discovery: {
      ...(typeof options.discovery === 'object' && options.discovery !== null
        ? options.discovery
        : {}),
      runOnInstall: false,
    },
  } as CloudInventoryPluginOptions;
  if (
    options.discovery !== undefined &&
    (typeof options.discovery !== 'object' || options.discovery === null)
  ) {
    pluginOptions.discovery = options.discovery as never;
  }
  try {
    validatePluginOptions(pluginOptions);
  } catch (error) {
    throw configurationUsageError(error, configPath) ?? error;
  }
  return { ...(store !== undefined ? { store } : {}), pluginOptions };
}
