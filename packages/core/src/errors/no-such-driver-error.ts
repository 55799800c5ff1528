import { CloudInventoryError } from './cloud-inventory-error.ts';

/** Packages that register a driver name when imported. */
const driverPackages: Record<string, string> = {
  aws: '@cloud-inventory/driver-aws',
  gcp: '@cloud-inventory/driver-gcp',
  azure: '@cloud-inventory/driver-azure',
  az: '@cloud-inventory/driver-azure',
  oracle: '@cloud-inventory/driver-oracle',
  oci: '@cloud-inventory/driver-oracle',
  digitalocean: '@cloud-inventory/driver-digitalocean',
  do: '@cloud-inventory/driver-digitalocean',
  linode: '@cloud-inventory/driver-linode',
  hetzner: '@cloud-inventory/driver-hetzner',
  vultr: '@cloud-inventory/driver-vultr',
  alibaba: '@cloud-inventory/driver-alibaba',
  aliyun: '@cloud-inventory/driver-alibaba',
  cloudflare: '@cloud-inventory/driver-cloudflare',
  cf: '@cloud-inventory/driver-cloudflare',
  'mongodb-atlas': '@cloud-inventory/driver-mongodb-atlas',
  atlas: '@cloud-inventory/driver-mongodb-atlas',
};

/** The npm package that registers `driver`, if it is one of ours. */
export function packageForDriver(driver: string): string | undefined {
  if (driver.endsWith('-mock') || driver === 'noop') return '@cloud-inventory/driver-mocks';
  return driverPackages[driver];
}

/** No driver is registered under the requested name. */
export class NoSuchDriverError extends CloudInventoryError {
  /** Names that are registered. */
  readonly registered: string[];
  /** The package that would register the driver, when known. */
  readonly packageName?: string;

  constructor(options: { driver: string; registered: string[]; cloudId?: string }) {
    const packageName = packageForDriver(options.driver);
    const hint = packageName
      ? ` Install and import it: \`pnpm add ${packageName}\` then \`import '${packageName}'\`.`
      : ' Register it with registerCloudDriver(name, factory) or pass the driver class inline.';
    super({
      name: 'NoSuchDriverError',
      message: `No cloud driver named "${options.driver}" is registered${options.cloudId ? ` (cloud ${options.cloudId})` : ''}. Registered: ${options.registered.length > 0 ? options.registered.join(', ') : 'none'}.${hint}`,
      driver: options.driver,
      cloudId: options.cloudId,
    });
    this.registered = options.registered;
    if (packageName) this.packageName = packageName;
  }

  /** True for a NoSuchDriverError from any copy of the package. */
  static override isInstance(error: unknown): error is NoSuchDriverError {
    return CloudInventoryError.isInstance(error) && error.name === 'NoSuchDriverError';
  }
}
