import type {
  BaseCloudDriver,
  CloudResource,
  ListOptions,
  RuntimeContext,
} from '@cloud-inventory/core';
import { createTestRuntime } from './test-runtime.ts';

/** Options of `collectResources`; everything but the driver has a default. */
export interface CollectResourcesOptions extends Partial<Omit<ListOptions, 'runtime'>> {
  /** Runtime the driver reports to. @default a fresh createTestRuntime() */
  runtime?: RuntimeContext;
}

/** Call `listResources` as the engine does and drain the result (array, iterable or async iterable). */
export async function collectResources(
  driver: Pick<BaseCloudDriver, 'listResources'>,
  options: CollectResourcesOptions = {},
): Promise<CloudResource[]> {
  const listOptions: ListOptions = {
    runtime: options.runtime ?? createTestRuntime(),
    concurrency: options.concurrency ?? 4,
    dryRun: options.dryRun ?? false,
    signal: options.signal ?? new AbortController().signal,
  };
  if (options.include !== undefined) listOptions.include = options.include;
  if (options.exclude !== undefined) listOptions.exclude = options.exclude;
  const listing = await driver.listResources(listOptions);
  const resources: CloudResource[] = [];
  for await (const resource of listing as AsyncIterable<CloudResource> | Iterable<CloudResource>) {
    resources.push(resource);
  }
  return resources;
}
