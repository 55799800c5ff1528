import { closestName, listCloudDrivers, packageForDriver } from '@cloud-inventory/core';
import { UsageError } from '../errors/usage-error.ts';
import { providerDrivers } from '../inventory/driver-catalogs.ts';

/** Short names that resolve to a provider driver. */
const providerAliases = ['az', 'oci', 'do', 'aliyun', 'cf', 'atlas'];

/** The problem line for a driver name nobody registers: a did-you-mean, the installable providers and the registered names. */
export function unknownDriverProblem(driver: string, path: string): string {
  const registered = listCloudDrivers().filter((name) => !name.startsWith('inline-'));
  const suggestion = closestName(driver, [...providerDrivers, ...providerAliases, ...registered]);
  return `${path}: no cloud driver named "${driver}"${suggestion ? `; did you mean "${suggestion}"?` : ''} Installable provider drivers: ${providerDrivers.join(', ')} (aliases ${providerAliases.join(', ')}); registered: ${registered.join(', ') || 'none'}`;
}

/** The problem line of every cloud whose driver name is neither registered nor one a package of ours registers. */
export function unknownDriverProblems(clouds: unknown): string[] {
  if (!Array.isArray(clouds)) return [];
  return clouds.flatMap((cloud, index) => {
    const driver = (cloud as { driver?: unknown } | null)?.driver;
    if (typeof driver !== 'string' || driver.trim() === '' || packageForDriver(driver)) return [];
    if (listCloudDrivers().includes(driver)) return [];
    return [unknownDriverProblem(driver, `clouds[${index}].driver`)];
  });
}

/** The error for one unknown driver name. */
export function unknownDriverError(driver: string, where: string): UsageError {
  return new UsageError({
    message: unknownDriverProblem(driver, where),
    hint: '`cloud-inventory drivers` lists what is installed and how to add the others',
  });
}
