import type { CloudDefinition } from '@cloud-inventory/core';
import { providerDrivers } from '../inventory/driver-catalogs.ts';

/** The eleven mock providers the demo syncs: one per provider driver. */
export const demoProviders = providerDrivers;

/** Options of `demoClouds`. */
export interface DemoEstateOptions {
  /** Resources of each estate at its first run. */
  resourcesPerCloud: number;
  /** Fraction of resources changed per run. @default 0.05 */
  driftRate?: number;
  /** Fraction of resources deleted (and as many created) per run. @default 0.02 */
  deleteRate?: number;
}

/** One mock cloud per provider (`aws-demo` with driver `aws-mock`, ...), seeded so every demo sees the same estates. */
export function demoClouds(options: DemoEstateOptions): CloudDefinition[] {
  return demoProviders.map((provider, index) => {
    const driver = `${provider}-mock`;
    return {
      id: `${provider}-demo`,
      driver,
      config: {
        seed: 1000 + index,
        resourceCount: options.resourcesPerCloud,
        driftRate: options.driftRate ?? 0.05,
        deleteRate: options.deleteRate ?? 0.02,
      },
      tags: { demo: true },
    };
  });
}
