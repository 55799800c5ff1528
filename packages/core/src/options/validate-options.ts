import { ConfigurationError, type ConfigurationIssue } from '../errors/configuration-error.ts';
import { loadNodeCron } from '../scheduling/node-cron-loader.ts';
import { parsePathPattern } from '../versioning/path-pattern.ts';
import { checkEndpoint, ReceivedText, reportUnknownKeys } from './known-keys.ts';
import {
  type CloudInventoryPluginOptions,
  defaultResourceNames,
  type ResolvedPluginOptions,
  type ScheduleOptions,
} from './plugin-options.ts';

/** Options of `validatePluginOptions`. */
export interface ValidatePluginOptionsSettings {
  /** Top-level keys that belong to the caller (the CLI's `store`): accepted and listed as known. */
  extraKeys?: readonly string[];
}

/**
 * Validate plugin options and apply defaults; throws one ConfigurationError listing every problem,
 * unknown keys at any level included (with a did-you-mean).
 */
export function validatePluginOptions(
  input: unknown,
  settings: ValidatePluginOptionsSettings = {},
): ResolvedPluginOptions {
  const issues: ConfigurationIssue[] = [];
  const problem = (path: string, expected: string, received: unknown) => {
    issues.push({ path, expected, received: describe(received) });
  };

  if (!isObject(input)) {
    throw new ConfigurationError({
      issues: [{ path: '(options)', expected: 'an object', received: describe(input) }],
    });
  }
  const options = input as Partial<CloudInventoryPluginOptions> & Record<string, unknown>;

  if (!Array.isArray(options.clouds) || options.clouds.length === 0) {
    problem('clouds', 'a non-empty array of cloud definitions', options.clouds);
  } else {
    options.clouds.forEach((cloud, index) => {
      validateCloud(cloud, `clouds[${index}]`, problem);
    });
  }

  const discovery = optionalObject(options.discovery, 'discovery', problem) ?? {};
  positiveInteger(discovery.concurrency, 'discovery.concurrency', problem);
  stringArray(discovery.include, 'discovery.include', problem);
  stringArray(discovery.exclude, 'discovery.exclude', problem);
  optionalBoolean(discovery.runOnInstall, 'discovery.runOnInstall', problem);
  optionalBoolean(discovery.dryRun, 'discovery.dryRun', problem);
  const ignorePaths = pathMap(discovery.ignorePaths, 'discovery.ignorePaths', problem);
  reportUnknownKeys(discovery, discoveryKeys, 'discovery', problem);

  const resources = optionalObject(options.resources, 'resources', problem) ?? {};
  const resourceNames = { ...defaultResourceNames };
  for (const key of Object.keys(defaultResourceNames) as Array<keyof typeof defaultResourceNames>) {
    const value = resources[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,127}$/.test(value)) {
      problem(
        `resources.${key}`,
        'a resource name of letters, digits, _ or - starting with a letter',
        value,
      );
    } else resourceNames[key] = value as never;
  }
  reportUnknownKeys(resources, Object.keys(defaultResourceNames), 'resources', problem);
  const names = Object.values(resourceNames);
  if (new Set(names).size !== names.length)
    problem('resources', 'distinct names for every resource', names.join(', '));

  optionalBoolean(options.verbose, 'verbose', problem);
  if (options.logger !== undefined) {
    const logger = options.logger as unknown as Record<string, unknown>;
    if (
      !isObject(logger) ||
      !['debug', 'info', 'warn', 'error'].every((level) => typeof logger[level] === 'function')
    ) {
      problem('logger', 'an object with debug, info, warn and error functions', options.logger);
    }
  }

  const scheduled = validateSchedule(options.scheduled, 'scheduled', problem);

  const lock = optionalObject(options.lock, 'lock', problem) ?? {};
  positiveNumber(lock.ttl, 'lock.ttl', problem);
  nonNegativeNumber(lock.timeout, 'lock.timeout', problem);
  reportUnknownKeys(lock, ['ttl', 'timeout'], 'lock', problem);

  let redact: Record<string, string[]> = {};
  if (Array.isArray(options.redact)) {
    stringArray(options.redact, 'redact', problem);
    redact = { '*': options.redact as string[] };
    patternsValid(options.redact as string[], 'redact', problem);
  } else if (options.redact !== undefined) {
    redact = pathMap(options.redact, 'redact', problem);
  }
  if (
    options.redactionKey !== undefined &&
    (typeof options.redactionKey !== 'string' || options.redactionKey.length < 16)
  ) {
    problem(
      'redactionKey',
      'a string of at least 16 characters',
      options.redactionKey === undefined ? undefined : '(hidden)',
    );
  }

  const retention = optionalObject(options.retention, 'retention', problem);
  if (retention) {
    positiveNumber(retention.maxAgeDays, 'retention.maxAgeDays', problem);
    positiveInteger(retention.keepLast, 'retention.keepLast', problem);
    reportUnknownKeys(retention, ['maxAgeDays', 'keepLast'], 'retention', problem);
  }

  const notifications = options.notifications;
  if (notifications !== undefined) {
    if (!Array.isArray(notifications))
      problem('notifications', 'an array of { url, events?, filter?, secret? }', notifications);
    else {
      notifications.forEach((target, index) => {
        const path = `notifications[${index}]`;
        if (!isObject(target)) {
          problem(path, 'an object', target);
          return;
        }
        if (typeof target.url !== 'string' || !/^https?:\/\//.test(target.url))
          problem(`${path}.url`, 'an http(s) URL', target.url);
        stringArray(target.events, `${path}.events`, problem);
        if (target.secret !== undefined && typeof target.secret !== 'string')
          problem(`${path}.secret`, 'a string', '(hidden)');
        if (target.filter !== undefined && !isObject(target.filter))
          problem(`${path}.filter`, 'an object', target.filter);
        reportUnknownKeys(
          target as unknown as Record<string, unknown>,
          ['url', 'events', 'filter', 'secret'],
          path,
          problem,
        );
      });
    }
  }

  const storage = optionalObject(options.storage, 'storage', problem) ?? {};
  positiveInteger(storage.writeConcurrency, 'storage.writeConcurrency', problem);
  positiveInteger(storage.indexShardSize, 'storage.indexShardSize', problem);
  reportUnknownKeys(storage, ['writeConcurrency', 'indexShardSize'], 'storage', problem);

  reportUnknownKeys(options, [...topLevelKeys, ...(settings.extraKeys ?? [])], '', problem);

  const anySchedule =
    scheduled.enabled ||
    (Array.isArray(options.clouds) &&
      options.clouds.some(
        (cloud) => isObject(cloud) && isObject(cloud.scheduled) && cloud.scheduled.enabled === true,
      ));
  if (anySchedule && issues.length === 0) {
    const cron = loadNodeCron();
    if (!cron) {
      problem(
        'scheduled',
        'the optional peer dependency node-cron to be installed (run `pnpm add node-cron`)',
        'node-cron not found',
      );
    } else {
      const expressions: Array<[string, string]> = [];
      if (scheduled.enabled && scheduled.cron) expressions.push(['scheduled.cron', scheduled.cron]);
      options.clouds?.forEach((cloud, index) => {
        if (cloud.scheduled?.enabled && cloud.scheduled.cron)
          expressions.push([`clouds[${index}].scheduled.cron`, cloud.scheduled.cron]);
      });
      for (const [path, expression] of expressions) {
        if (!cron.validate(expression))
          problem(path, 'a valid cron expression (e.g. "0 * * * *")', expression);
      }
    }
  }

  if (issues.length > 0) throw new ConfigurationError({ issues });

  return {
    clouds: options.clouds as ResolvedPluginOptions['clouds'],
    discovery: {
      concurrency: (discovery.concurrency as number | undefined) ?? 3,
      include: (discovery.include as string[] | undefined) ?? [],
      exclude: (discovery.exclude as string[] | undefined) ?? [],
      runOnInstall: (discovery.runOnInstall as boolean | undefined) ?? true,
      dryRun: (discovery.dryRun as boolean | undefined) ?? false,
      ignorePaths,
    },
    resources: resourceNames,
    verbose: options.verbose ?? false,
    ...(options.logger ? { logger: options.logger } : {}),
    scheduled,
    lock: {
      ttl: (lock.ttl as number | undefined) ?? 300,
      timeout: (lock.timeout as number | undefined) ?? 0,
    },
    redact,
    ...(options.redactionKey ? { redactionKey: options.redactionKey } : {}),
    ...(retention
      ? {
          retention: {
            ...(retention.maxAgeDays !== undefined
              ? { maxAgeDays: retention.maxAgeDays as number }
              : {}),
            keepLast: (retention.keepLast as number | undefined) ?? 1,
          },
        }
      : {}),
    notifications: (notifications as ResolvedPluginOptions['notifications'] | undefined) ?? [],
    storage: {
      writeConcurrency: (storage.writeConcurrency as number | undefined) ?? 16,
      indexShardSize: (storage.indexShardSize as number | undefined) ?? 4000,
    },
  };
}

type Problem = (path: string, expected: string, received: unknown) => void;

const topLevelKeys = [
  'clouds',
  'discovery',
  'resources',
  'verbose',
  'logger',
  'scheduled',
  'lock',
  'redact',
  'redactionKey',
  'retention',
  'notifications',
  'storage',
];
const discoveryKeys = [
  'concurrency',
  'include',
  'exclude',
  'runOnInstall',
  'dryRun',
  'ignorePaths',
];
const cloudKeys = ['id', 'driver', 'credentials', 'config', 'tags', 'metadata', 'scheduled'];

function validateCloud(cloud: unknown, path: string, problem: Problem): void {
  if (!isObject(cloud)) {
    problem(path, 'an object with at least a driver', cloud);
    return;
  }
  const driver = cloud.driver;
  if (typeof driver === 'string') {
    if (driver.trim() === '')
      problem(`${path}.driver`, 'a registered driver name, class or factory', driver);
  } else if (typeof driver !== 'function') {
    problem(`${path}.driver`, 'a registered driver name, class or factory', driver);
  }
  if (
    cloud.id !== undefined &&
    (typeof cloud.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(cloud.id))
  ) {
    problem(
      `${path}.id`,
      'a cloud id of letters, digits, ".", "_" or "-" (no ":" or "/")',
      cloud.id,
    );
  }
  if (
    cloud.credentials !== undefined &&
    cloud.credentials !== null &&
    !isObject(cloud.credentials)
  ) {
    problem(`${path}.credentials`, 'an object', '(hidden)');
  }
  const config = optionalObject(cloud.config, `${path}.config`, problem);
  const cloudName =
    typeof cloud.id === 'string' ? `"${cloud.id}"` : `${path} (driver ${String(driver)})`;
  checkEndpoint(config?.endpoint, `${path}.config.endpoint`, cloudName, problem);
  optionalObject(cloud.tags, `${path}.tags`, problem);
  optionalObject(cloud.metadata, `${path}.metadata`, problem);
  validateSchedule(cloud.scheduled, `${path}.scheduled`, problem);
  reportUnknownKeys(cloud, cloudKeys, path, problem);
}

function validateSchedule(
  value: unknown,
  path: string,
  problem: Problem,
): ResolvedPluginOptions['scheduled'] {
  const schedule = (optionalObject(value, path, problem) ?? {}) as ScheduleOptions &
    Record<string, unknown>;
  optionalBoolean(schedule.enabled, `${path}.enabled`, problem);
  optionalBoolean(schedule.runOnStart, `${path}.runOnStart`, problem);
  reportUnknownKeys(schedule, ['enabled', 'cron', 'timezone', 'runOnStart'], path, problem);
  if (
    schedule.enabled === true &&
    (typeof schedule.cron !== 'string' || schedule.cron.trim() === '')
  ) {
    problem(`${path}.cron`, 'a cron expression (required when enabled is true)', schedule.cron);
  } else if (schedule.cron !== undefined && typeof schedule.cron !== 'string') {
    problem(`${path}.cron`, 'a cron expression string', schedule.cron);
  }
  if (schedule.timezone !== undefined) {
    if (typeof schedule.timezone !== 'string' || !isTimezone(schedule.timezone))
      problem(`${path}.timezone`, 'an IANA timezone such as "UTC"', schedule.timezone);
  }
  return {
    enabled: schedule.enabled ?? false,
    runOnStart: schedule.runOnStart ?? false,
    ...(schedule.cron ? { cron: schedule.cron } : {}),
    ...(schedule.timezone ? { timezone: schedule.timezone } : {}),
  };
}

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function pathMap(value: unknown, path: string, problem: Problem): Record<string, string[]> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problem(path, "an object of { '<resource type or *>': ['a.b', 'c[*].d'] }", value);
    return {};
  }
  const output: Record<string, string[]> = {};
  for (const [type, patterns] of Object.entries(value)) {
    if (!Array.isArray(patterns) || patterns.some((pattern) => typeof pattern !== 'string')) {
      problem(`${path}.${type}`, 'an array of path strings', patterns);
      continue;
    }
    if (patternsValid(patterns as string[], `${path}.${type}`, problem))
      output[type] = patterns as string[];
  }
  return output;
}

function patternsValid(patterns: string[], path: string, problem: Problem): boolean {
  let valid = true;
  patterns.forEach((pattern, index) => {
    try {
      parsePathPattern(pattern);
    } catch {
      valid = false;
      problem(`${path}[${index}]`, 'a path such as "a.b" or "items[*].name"', pattern);
    }
  });
  return valid;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalObject(
  value: unknown,
  path: string,
  problem: Problem,
): Record<string, any> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    problem(path, 'an object', value);
    return undefined;
  }
  return value;
}

function optionalBoolean(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && typeof value !== 'boolean') problem(path, 'true or false', value);
}

function positiveInteger(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1))
    problem(path, 'a whole number >= 1', value);
}

function positiveNumber(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0))
    problem(path, 'a number > 0', value);
}

function nonNegativeNumber(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
    problem(path, 'a number >= 0', value);
}

function stringArray(value: unknown, path: string, problem: Problem): void {
  if (
    value !== undefined &&
    (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
  )
    problem(path, 'an array of strings', value);
}

/** Short, secret-free rendering of a bad value for error messages. */
function describe(value: unknown): string {
  if (value instanceof ReceivedText) return value.text;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
