import { BaseCloudDriver, type CloudDriverOptions } from './base-cloud-driver.ts';
import { CloudInventoryError } from './errors/cloud-inventory-error.ts';
import { NoSuchDriverError } from './errors/no-such-driver-error.ts';

/** A function that builds a driver from its options. */
export type CloudDriverFactory = (
  options: CloudDriverOptions<any, any>,
) => BaseCloudDriver<any, any>;

/** A driver class (anything constructible into a BaseCloudDriver). */
export type CloudDriverClass = new (
  options: CloudDriverOptions<any, any>,
) => BaseCloudDriver<any, any>;

/** Options of `registerCloudDriver`. */
export interface RegisterCloudDriverOptions {
  /** Other names that resolve to the same driver (`do` for `digitalocean`). */
  aliases?: string[];
  /** Replace a different driver already registered under the name. @default false */
  replace?: boolean;
}

interface RegistryEntry {
  factory: CloudDriverFactory;
  /** Canonical name when this entry is an alias. */
  canonical: string;
}

const registryKey = Symbol.for('cloud-inventory.registry');

type Registry = Map<string, RegistryEntry>;

// NOTE: kept on globalThis so two copies of core in one process share one registry.
function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  let existing = holder[registryKey];
  if (!existing) {
    existing = new Map();
    holder[registryKey] = existing;
  }
  return existing;
}

function isDriverClass(candidate: unknown): candidate is CloudDriverClass {
  return typeof candidate === 'function' && candidate.prototype instanceof BaseCloudDriver;
}

/** Turn a class or a factory into a factory. */
export function toDriverFactory(driver: CloudDriverFactory | CloudDriverClass): CloudDriverFactory {
  if (isDriverClass(driver)) return (options) => new driver(options);
  // A class that does not extend our BaseCloudDriver (another copy of core) is still a class.
  if (
    typeof driver === 'function' &&
    /^class[\s{]/.test(Function.prototype.toString.call(driver))
  ) {
    const DriverClass = driver as unknown as CloudDriverClass;
    return (options) => new DriverClass(options);
  }
  return driver as CloudDriverFactory;
}

/** Register a driver (and aliases); the same driver twice is a no-op, a different one throws unless `replace`. */
export function registerCloudDriver(
  name: string,
  driver: CloudDriverFactory | CloudDriverClass,
  options: RegisterCloudDriverOptions = {},
): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CloudInventoryError({
      message: 'registerCloudDriver: name must be a non-empty string',
    });
  }
  if (typeof driver !== 'function') {
    throw new CloudInventoryError({
      message: `registerCloudDriver("${name}"): expected a driver class or factory function`,
    });
  }
  const names = [name, ...(options.aliases ?? [])];
  const entries = registry();
  for (const candidate of names) {
    const existing = entries.get(candidate);
    if (
      existing &&
      existing.factory !== driver &&
      !sameSource(existing, driver) &&
      !options.replace
    ) {
      throw new CloudInventoryError({
        message: `A different cloud driver is already registered as "${candidate}". Pass { replace: true } to replace it.`,
        driver: candidate,
      });
    }
  }
  for (const candidate of names) {
    entries.set(candidate, { factory: driver as CloudDriverFactory, canonical: name });
  }
}

// Two copies of the same driver package register functions that are not identical but equal in source.
function sameSource(entry: RegistryEntry, driver: unknown): boolean {
  return (
    typeof driver === 'function' &&
    entry.factory.name === (driver as { name: string }).name &&
    Function.prototype.toString.call(entry.factory) === Function.prototype.toString.call(driver)
  );
}

/** Remove a registered name (tests). */
export function unregisterCloudDriver(name: string): boolean {
  return registry().delete(name);
}

/** Every registered name, aliases included, sorted. */
export function listCloudDrivers(): string[] {
  return [...registry().keys()].sort();
}

/** The canonical driver name of a registered name or alias. */
export function resolveDriverName(name: string): string | undefined {
  return registry().get(name)?.canonical;
}

/** True when `name` is registered. */
export function hasCloudDriver(name: string): boolean {
  return registry().has(name);
}

/** The factory registered under `name`; throws NoSuchDriverError listing what is registered. */
export function getCloudDriverFactory(name: string, cloudId?: string): CloudDriverFactory {
  const entry = registry().get(name);
  if (!entry)
    throw new NoSuchDriverError({ driver: name, registered: listCloudDrivers(), cloudId });
  return toDriverFactory(entry.factory);
}

/** Build a driver instance by registered name. */
export function createCloudDriver(
  name: string,
  options: CloudDriverOptions<any, any>,
): BaseCloudDriver<any, any> {
  return getCloudDriverFactory(name, options.id)(options);
}
