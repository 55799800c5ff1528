import {
  type CloudResource,
  ConfigurationError,
  type ConfigurationIssue,
  type ErrorClass,
} from '@cloud-inventory/core';

/** A scope the mock pretends it could not list. */
export interface MockFailScope {
  /** Service of the failing scope. */
  service: string;
  /** Region of the failing scope; every region of the service when omitted. */
  region?: string;
  /** Error class reported for the scope. @default 'server' */
  errorClass?: ErrorClass;
}

/** A resource given in `config.sampleResources`; provider, accountId and service are filled in. */
export type MockSampleResource = Partial<CloudResource> &
  Pick<CloudResource, 'resourceType' | 'resourceId'>;

/** `config` of every mock driver. */
export interface MockDriverConfig {
  /** Account id written into resources. @default a per-provider id, e.g. `123456789012` for aws */
  accountId?: string;
  /** Yield exactly these resources (defaults filled) instead of a generated estate. */
  sampleResources?: MockSampleResource[];
  /** Seed of the generated estate: same seed and run give identical output. @default 1 */
  seed?: number | string;
  /** Resources at run 1; without it (and without `sampleResources`) a small static estate is listed. */
  resourceCount?: number;
  /** Fraction of resources whose configuration changes at each run after the first. @default 0.05 (0 for the static estate) */
  driftRate?: number;
  /** Fraction of resources deleted at each run after the first; as many new ones appear. @default 0.01 (0 for the static estate) */
  deleteRate?: number;
  /** Force the run number instead of reading it from `runtime.state` (benchmarks). */
  run?: number;
  /** Regions of regional services. @default the provider's three or four demo regions */
  regions?: string[];
  /** Services (or resource types) the estate holds. @default every service of the catalog */
  services?: string[];
  /** Scopes reported as failed; none of their resources are yielded. */
  failScopes?: MockFailScope[];
  /** Throw a DriverError after this many resources (mid-stream failure). */
  failAfter?: number;
  /** Delay before each scope, in milliseconds. @default 0 */
  latencyMs?: number;
  /** `MockCloudDriver` only: the provider to imitate (`aws`, `aws-mock`, `do-mock`, ...). */
  provider?: string;
}

/** The config after validation and defaults. */
export interface ResolvedMockConfig {
  accountId: string;
  sampleResources: MockSampleResource[] | undefined;
  seed: number | string;
  mode: 'default' | 'seeded';
  resourceCount: number;
  driftRate: number;
  deleteRate: number;
  run: number | undefined;
  regions: string[] | undefined;
  services: string[] | undefined;
  failScopes: MockFailScope[];
  failAfter: number | undefined;
  latencyMs: number;
}

const errorClasses: ErrorClass[] = [
  'auth',
  'throttled',
  'not-enabled',
  'server',
  'network',
  'unknown',
];

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

function isInteger(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}

/** Validates `config` (collecting every problem) and fills defaults; throws ConfigurationError. */
export function resolveMockConfig(
  rawConfig: unknown,
  defaultAccountId: string,
): ResolvedMockConfig {
  const config = (rawConfig ?? {}) as MockDriverConfig & Record<string, unknown>;
  const issues: ConfigurationIssue[] = [];
  const issue = (path: string, expected: string, received: unknown) =>
    issues.push({ path: `config.${path}`, expected, received: describe(received) });

  if (
    config.accountId !== undefined &&
    (typeof config.accountId !== 'string' || config.accountId === '')
  ) {
    issue('accountId', 'a non-empty string', config.accountId);
  }
  if (config.sampleResources !== undefined) {
    if (!Array.isArray(config.sampleResources))
      issue('sampleResources', 'an array of resources', config.sampleResources);
    else {
      config.sampleResources.forEach((sample, position) => {
        const record = sample as unknown as Record<string, unknown> | null;
        if (typeof record !== 'object' || record === null)
          issue(`sampleResources[${position}]`, 'an object', sample);
        else {
          if (typeof record.resourceType !== 'string' || record.resourceType === '') {
            issue(
              `sampleResources[${position}].resourceType`,
              'a non-empty string',
              record.resourceType,
            );
          }
          if (typeof record.resourceId !== 'string' || record.resourceId === '') {
            issue(
              `sampleResources[${position}].resourceId`,
              'a non-empty string',
              record.resourceId,
            );
          }
        }
      });
    }
  }
  if (
    config.seed !== undefined &&
    typeof config.seed !== 'string' &&
    !(typeof config.seed === 'number' && Number.isFinite(config.seed))
  ) {
    issue('seed', 'a number or a string', config.seed);
  }
  if (config.resourceCount !== undefined && !isInteger(config.resourceCount, 0)) {
    issue('resourceCount', 'an integer >= 0', config.resourceCount);
  }
  for (const key of ['driftRate', 'deleteRate'] as const) {
    const value = config[key];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) {
      issue(key, 'a number between 0 and 1', value);
    }
  }
  if (config.run !== undefined && !isInteger(config.run, 1))
    issue('run', 'an integer >= 1', config.run);
  if (config.failAfter !== undefined && !isInteger(config.failAfter, 0))
    issue('failAfter', 'an integer >= 0', config.failAfter);
  if (
    config.latencyMs !== undefined &&
    !(typeof config.latencyMs === 'number' && config.latencyMs >= 0)
  ) {
    issue('latencyMs', 'a number >= 0', config.latencyMs);
  }
  for (const key of ['regions', 'services'] as const) {
    if (config[key] !== undefined && !isStringList(config[key]))
      issue(key, 'an array of non-empty strings', config[key]);
  }
  if (config.failScopes !== undefined) {
    if (!Array.isArray(config.failScopes))
      issue('failScopes', 'an array of { service, region?, errorClass? }', config.failScopes);
    else {
      config.failScopes.forEach((scope, position) => {
        if (typeof scope?.service !== 'string' || scope.service === '') {
          issue(`failScopes[${position}].service`, 'a non-empty string', scope?.service);
        }
        if (scope?.region !== undefined && typeof scope.region !== 'string') {
          issue(`failScopes[${position}].region`, 'a string', scope.region);
        }
        if (scope?.errorClass !== undefined && !errorClasses.includes(scope.errorClass)) {
          issue(
            `failScopes[${position}].errorClass`,
            `one of ${errorClasses.join(', ')}`,
            scope.errorClass,
          );
        }
      });
    }
  }
  if (issues.length > 0) throw new ConfigurationError({ issues });

  const mode = config.resourceCount === undefined ? 'default' : 'seeded';
  return {
    accountId: config.accountId ?? defaultAccountId,
    sampleResources: config.sampleResources,
    seed: config.seed ?? 1,
    mode,
    resourceCount: config.resourceCount ?? 0,
    driftRate: config.driftRate ?? (mode === 'seeded' ? 0.05 : 0),
    deleteRate: config.deleteRate ?? (mode === 'seeded' ? 0.01 : 0),
    run: config.run,
    regions: config.regions,
    services: config.services,
    failScopes: config.failScopes ?? [],
    failAfter: config.failAfter,
    latencyMs: config.latencyMs ?? 0,
  };
}
