import {
  type DriverCatalog,
  getCloudDriverFactory,
  listCloudDrivers,
  packageForDriver,
  resolveDriverName,
} from '@cloud-inventory/core';
import { importPackage } from '../config/import-package.ts';

/** Provider drivers published as `@cloud-inventory/driver-<provider>`. */
export const providerDrivers = [
  'aws',
  'gcp',
  'azure',
  'oracle',
  'digitalocean',
  'linode',
  'hetzner',
  'vultr',
  'alibaba',
  'cloudflare',
  'mongodb-atlas',
] as const;

/** A registered driver with what it can list. */
export interface DriverDescription {
  /** Canonical name. */
  name: string;
  /** Other names that resolve to it. */
  aliases: string[];
  /** Package that registers it, when it is one of ours. */
  package: string | null;
  /** Its catalog; null when the driver has none or it could not be read. */
  catalog: DriverCatalog | null;
  /** Why the catalog could not be read. */
  error?: string;
}

/** A provider driver whose package is not installed. */
export interface MissingDriver {
  /** Driver name. */
  driver: string;
  /** Package that would add it. */
  package: string;
}

/** Import the mock drivers and every installed provider package; report the ones that are not installed. */
export async function loadAvailableDrivers(
  searchFrom: readonly string[],
): Promise<{ missing: MissingDriver[]; broken: Array<MissingDriver & { error: string }> }> {
  const missing: MissingDriver[] = [];
  const broken: Array<MissingDriver & { error: string }> = [];
  const packages = [
    '@cloud-inventory/driver-mocks',
    ...providerDrivers.map((driver) => packageForDriver(driver) as string),
  ];
  await Promise.all(
    packages.map(async (packageName) => {
      const outcome = await importPackage(packageName, searchFrom);
      const driver =
        providerDrivers.find((name) => packageForDriver(name) === packageName) ?? 'mocks';
      if (outcome.status === 'missing') missing.push({ driver, package: packageName });
      if (outcome.status === 'unbuilt')
        broken.push({
          driver,
          package: packageName,
          error: `in this clone (${outcome.directory}) but not built; run bin/cloud-inventory or ./run demo once`,
        });
      if (outcome.status === 'broken')
        broken.push({
          driver,
          package: packageName,
          error:
            outcome.error instanceof Error
              ? (outcome.error.message.split('\n')[0] ?? '')
              : String(outcome.error),
        });
    }),
  );
  const order = (entry: MissingDriver) => providerDrivers.indexOf(entry.driver as never);
  return { missing: missing.sort((left, right) => order(left) - order(right)), broken };
}

/** Every registered driver (aliases folded in) with its catalog, read from an instance built with empty credentials. */
export function describeRegisteredDrivers(): DriverDescription[] {
  const byCanonical = new Map<string, string[]>();
  for (const name of listCloudDrivers()) {
    const canonical = resolveDriverName(name) ?? name;
    if (/^inline-/.test(canonical)) continue;
    const aliases = byCanonical.get(canonical) ?? [];
    if (name !== canonical) aliases.push(name);
    byCanonical.set(canonical, aliases);
  }
  return [...byCanonical.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([name, aliases]) => {
      const description: DriverDescription = {
        name,
        aliases: aliases.sort(),
        package: packageForDriver(name) ?? null,
        catalog: null,
      };
      try {
        const driver = getCloudDriverFactory(name)({
          id: `${name}-catalog`,
          driver: name,
          credentials: {},
          config: {},
        });
        description.catalog = driver.catalog ?? null;
      } catch (error) {
        description.error =
          error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      }
      return description;
    });
}
