import type { CloudResource } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import {
  byId,
  countByType,
  createFakeProviderServer,
  createTestRuntime,
  installTestPlugin,
  listAll,
  ofType,
  rejectionOf,
  stopTestPlugin,
  testRetryPolicy,
} from '../src/index.ts';
import {
  createExampleDriver,
  ExampleDriver,
  exampleCredentials,
  exampleFixtures,
} from './example-driver.ts';

const resource = (resourceType: string, resourceId: string) =>
  ({ resourceType, resourceId }) as CloudResource;

describe('driver test helpers', () => {
  test('listAll initializes the driver, lists everything and hands back its recording runtime', async () => {
    await using server = await createFakeProviderServer(exampleFixtures);
    const driver = createExampleDriver({
      endpoint: server.url,
      credentials: exampleCredentials,
      config: {},
      retry: testRetryPolicy,
    });
    const { resources, runtime } = await listAll(driver, { include: ['servers'] });
    expect(resources.length).toBeGreaterThan(0);
    expect(new Set(resources.map((found) => found.resourceType)).size).toBe(1);
    expect(runtime.scopes.length).toBeGreaterThan(0);
    const reused = createTestRuntime();
    expect((await listAll(driver, { runtime: reused })).runtime).toBe(reused);
  });

  test('ofType, byId and countByType look resources up by type', () => {
    const resources = [resource('a', '1'), resource('b', '2'), resource('a', '3')];
    expect(ofType(resources, 'a').map((found) => found.resourceId)).toEqual(['1', '3']);
    expect([...byId(resources, 'a').keys()]).toEqual(['1', '3']);
    expect(countByType(resources)).toEqual({ a: 2, b: 1 });
  });

  test('rejectionOf answers the thrown error and fails when the promise resolves', async () => {
    const error = new Error('denied');
    expect(await rejectionOf(Promise.reject(error))).toBe(error);
    await expect(rejectionOf(Promise.resolve())).rejects.toThrow('expected a rejection');
  });

  test('installTestPlugin installs on a memory database without a sync; stopTestPlugin cleans up twice over', async () => {
    const plugin = await installTestPlugin({
      clouds: [
        {
          id: 'example',
          driver: ExampleDriver,
          credentials: exampleCredentials,
          config: { baseUrl: 'http://127.0.0.1:9' },
        },
      ],
    });
    expect(plugin.config.discovery.runOnInstall).toBe(false);
    expect(plugin.inventoryResources).toBeDefined();
    await stopTestPlugin(plugin);
    await stopTestPlugin(plugin);
  });
});
