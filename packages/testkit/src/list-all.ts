import type { BaseCloudDriver, CloudResource } from '@cloud-inventory/core';
import { type CollectResourcesOptions, collectResources } from './collect-resources.ts';
import { createTestRuntime, type TestRuntime } from './test-runtime.ts';

/** Options of `listAll`: the list options, and a recording runtime to reuse. */
export interface ListAllOptions extends Omit<CollectResourcesOptions, 'runtime'> {
  /** Runtime the driver reports to. @default a fresh createTestRuntime() */
  runtime?: TestRuntime;
}

/** What `listAll` found and what the driver reported while listing. */
export interface ListAllResult {
  /** Every resource yielded, in order. */
  resources: CloudResource[];
  /** The recording runtime the driver reported to. */
  runtime: TestRuntime;
}

/** Initialize a driver, then list everything with a recording runtime (the driver stays open). */
export async function listAll(
  driver: Pick<BaseCloudDriver, 'initialize' | 'listResources'>,
  options: ListAllOptions = {},
): Promise<ListAllResult> {
  const { runtime = createTestRuntime(), ...listOptions } = options;
  await driver.initialize();
  const resources = await collectResources(driver, { ...listOptions, runtime });
  return { resources, runtime };
}
