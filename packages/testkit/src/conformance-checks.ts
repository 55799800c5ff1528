import {
  type CloudResource,
  type DriverCatalog,
  type JsonValue,
  parsePathPattern,
  type ScopeReport,
  transformAtPatterns,
} from '@cloud-inventory/core';
import { resourceTypePattern } from '@cloud-inventory/driver-kit';

/** A conformance requirement the driver does not meet. */
export class ConformanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceError';
  }
}

/** Throw a ConformanceError with `message` unless `condition` holds. */
export function check(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new ConformanceError(typeof message === 'function' ? message() : message);
}

/** `type:id` of a resource, its identity in the store. */
export function identityOf(resource: CloudResource): string {
  return `${resource.resourceType}:${resource.resourceId}`;
}

function listed(values: Iterable<string>, limit = 10): string {
  const all = [...values];
  return all.length > limit
    ? `${all.slice(0, limit).join(', ')} and ${all.length - limit} more`
    : all.join(', ');
}

/** Every resource type of a catalog, with its service. */
export function catalogTypes(catalog: DriverCatalog): Map<string, string> {
  const types = new Map<string, string>();
  for (const service of catalog.services) {
    for (const descriptor of service.resourceTypes) types.set(descriptor.type, service.name);
  }
  return types;
}

/** The catalog exists, names the driver, and every service declares well-formed, unique types and paths. */
export function checkCatalog(
  catalog: DriverCatalog | undefined,
  driverName: string,
): asserts catalog {
  check(
    catalog,
    `driver ${driverName} has no catalog: override the \`catalog\` getter (see defineCatalog).`,
  );
  check(
    catalog.driver === driverName,
    `catalog.driver is "${catalog.driver}" but the driver is "${driverName}".`,
  );
  check(catalog.services.length > 0, 'the catalog declares no services.');
  const seenServices = new Set<string>();
  const seenTypes = new Set<string>();
  for (const service of catalog.services) {
    check(
      service.name && !seenServices.has(service.name),
      `service "${service.name}" is empty or declared twice.`,
    );
    seenServices.add(service.name);
    check(
      service.resourceTypes.length > 0,
      `service "${service.name}" declares no resource types.`,
    );
    for (const descriptor of service.resourceTypes) {
      check(
        resourceTypePattern.test(descriptor.type) &&
          descriptor.type.startsWith(`${catalog.driver}.`),
        `resource type "${descriptor.type}" must be lower case and look like "${catalog.driver}.<service>.<kind>".`,
      );
      check(
        !seenTypes.has(descriptor.type),
        `resource type "${descriptor.type}" is declared twice.`,
      );
      seenTypes.add(descriptor.type);
      for (const path of [...(descriptor.volatilePaths ?? []), ...(descriptor.secretPaths ?? [])]) {
        try {
          parsePathPattern(path);
        } catch (error) {
          throw new ConformanceError(
            `${descriptor.type}: path "${path}" does not parse (${(error as Error).message}).`,
          );
        }
      }
    }
  }
}

/** Every resource is well-formed, belongs to a declared type of its service, and appears once. */
export function checkResources(resources: CloudResource[], catalog: DriverCatalog): void {
  const types = catalogTypes(catalog);
  const seen = new Set<string>();
  for (const resource of resources) {
    const identity = identityOf(resource);
    check(
      typeof resource.resourceId === 'string' && resource.resourceId.trim() !== '',
      `a ${resource.resourceType} resource has no string resourceId (${JSON.stringify(resource.resourceId)}).`,
    );
    check(
      types.has(resource.resourceType),
      `resource ${identity} has a type the catalog does not declare.`,
    );
    check(
      resource.service === types.get(resource.resourceType),
      `resource ${identity} says service "${resource.service}" but its type belongs to "${types.get(resource.resourceType)}".`,
    );
    check(
      resource.provider === undefined || resource.provider === catalog.driver,
      `resource ${identity} has provider "${resource.provider}", expected "${catalog.driver}".`,
    );
    for (const field of ['tags', 'labels'] as const) {
      const value = resource[field];
      check(
        value === undefined ||
          value === null ||
          (typeof value === 'object' && !Array.isArray(value)),
        `resource ${identity}: ${field} must be a key/value object (normalise arrays with tagsFromPairs/tagsFromStrings).`,
      );
    }
    check(!seen.has(identity), `resource ${identity} was yielded twice in one run.`);
    seen.add(identity);
  }
}

/** Every declared type appears among the resources. */
export function checkEveryTypeProduced(resources: CloudResource[], catalog: DriverCatalog): void {
  const produced = new Set(resources.map((resource) => resource.resourceType));
  const missing = [...catalogTypes(catalog).keys()].filter((type) => !produced.has(type));
  check(
    missing.length === 0,
    () =>
      `the fixtures produce no resource of these declared types: ${listed(missing)}. Add fixtures for them (or drop them from the catalog).`,
  );
}

function hasEntries(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** Tags (or labels) are collected: on some resource, or on at least one resource of each listed type. */
export function checkKeyValues(
  resources: CloudResource[],
  field: 'tags' | 'labels',
  requirement: boolean | string[],
): void {
  if (requirement === true) {
    check(
      resources.some((resource) => hasEntries(resource[field])),
      `no resource carries ${field}; give some fixtures ${field} and map them (capabilities.${field} is on).`,
    );
    return;
  }
  if (requirement === false) return;
  const missing = requirement.filter(
    (type) =>
      !resources.some((resource) => resource.resourceType === type && hasEntries(resource[field])),
  );
  check(missing.length === 0, () => `no resource of ${listed(missing)} carries ${field}.`);
}

/** Every declared secret path matches a value in some fixture resource, and the listed types declare some. */
export function checkSecretPaths(
  resources: CloudResource[],
  catalog: DriverCatalog,
  typesThatMustDeclare: string[] = [],
): void {
  const problems: string[] = [];
  for (const service of catalog.services) {
    for (const descriptor of service.resourceTypes) {
      if (
        typesThatMustDeclare.includes(descriptor.type) &&
        (descriptor.secretPaths ?? []).length === 0
      ) {
        problems.push(`${descriptor.type} declares no secretPaths`);
      }
      for (const path of descriptor.secretPaths ?? []) {
        const pattern = parsePathPattern(path);
        let found = false;
        for (const resource of resources) {
          if (resource.resourceType !== descriptor.type || found) continue;
          transformAtPatterns(
            (resource.configuration ?? null) as JsonValue,
            [pattern],
            (matched) => {
              found = true;
              return matched;
            },
          );
        }
        if (!found)
          problems.push(`${descriptor.type} secret path "${path}" matches nothing in the fixtures`);
      }
    }
  }
  check(
    problems.length === 0,
    () =>
      `secret paths are not exercised: ${listed(problems)}. Put a (fake) secret at each declared path in the fixtures so redaction is tested.`,
  );
}

/**
 * Scopes were reported once each (a service listed in steps reports each step's types: one report
 * per service, region and set of types), and every resource lies in a complete scope of its
 * service whose types include its own.
 */
export function checkScopes(
  resources: CloudResource[],
  scopes: ScopeReport[],
  expectedServices: string[],
): void {
  const keys = scopes.map(
    (scope) =>
      `${scope.service}@${scope.region}${scope.resourceTypes ? `[${[...scope.resourceTypes].sort().join(',')}]` : ''}`,
  );
  const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
  check(
    duplicates.length === 0,
    () => `scopes reported more than once: ${listed(new Set(duplicates))}.`,
  );
  const incomplete = scopes.filter((scope) => scope.status !== 'complete');
  check(
    incomplete.length === 0,
    () =>
      `scopes not complete against healthy fixtures: ${listed(incomplete.map((scope) => `${scope.service}@${scope.region} ${scope.status} ${scope.errorClass ?? ''} ${scope.error ?? ''}`))}.`,
  );
  const reportedServices = new Set(scopes.map((scope) => scope.service));
  const unreported = expectedServices.filter((service) => !reportedServices.has(service));
  check(
    unreported.length === 0,
    () =>
      `no scope reported for services ${listed(unreported)}; call runtime.reportScope (runScopes does it for you).`,
  );
  for (const resource of resources) {
    const region = resource.region ?? 'global';
    check(
      scopes.some(
        (scope) =>
          scope.service === resource.service &&
          (scope.region === region || scope.region === 'global') &&
          (!scope.resourceTypes || scope.resourceTypes.includes(resource.resourceType)),
      ),
      `resource ${identityOf(resource)} (service ${resource.service}, region ${region}) lies in no reported scope.`,
    );
  }
}

const secretKey = /(token|secret|password|passphrase|private|credential|key)/i;

/** The secret string leaves of a credentials value: a bare string, or fields named like token/secret/password/private key (not public keys). */
export function secretStrings(credentials: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string | undefined) => {
    const secretField = key === undefined || (secretKey.test(key) && !/public/i.test(key));
    if (typeof value === 'string' && value.length >= 6 && secretField) found.push(value);
    else if (Array.isArray(value)) for (const item of value) visit(item, key);
    else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) visit(item, name);
    }
  };
  visit(credentials, undefined);
  return found;
}

/** No credential string appears in `value` (resources, reports, error messages). */
export function checkNoCredentials(value: unknown, credentials: unknown, where: string): void {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const leaked = secretStrings(credentials).filter((secret) => text.includes(secret));
  check(leaked.length === 0, `a credential value appears in ${where}.`);
}
