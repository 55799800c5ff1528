import {
  type CloudResource,
  DriverError,
  type ListOptions,
  type ScopeReport,
} from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import {
  type ConformanceDriverInput,
  type DriverConformanceOptions,
  runDriverConformance,
} from '../src/index.ts';
import {
  createExampleDriver,
  type ExampleDriver,
  exampleCatalog,
  exampleCredentials,
  exampleFixtures,
} from './example-driver.ts';

type Input = ConformanceDriverInput<{ token: string }>;

// Registers the suite into a map instead of a test framework, so one check can be run on its own.
function suite(
  createDriver: (input: Input) => ExampleDriver,
  overrides: Partial<DriverConformanceOptions<{ token: string }>> = {},
) {
  const tests = new Map<string, () => Promise<void>>();
  runDriverConformance({
    describe: (_, body) => body(),
    test: (name, body) => void tests.set(name, body),
    name: 'examplecloud',
    createDriver,
    fixtures: exampleFixtures,
    credentials: exampleCredentials,
    capabilities: { tags: true, labels: true, regions: true },
    ...overrides,
  });
  return (name: string) => {
    const body = tests.get(name);
    if (!body)
      throw new Error(
        `no conformance test named "${name}"; have: ${[...tests.keys()].join(' | ')}`,
      );
    return body();
  };
}

type Lister = (options: ListOptions) => AsyncIterable<CloudResource>;

// The example driver with its listResources wrapped by `listResources(original, options)`.
function driverWith(
  listResources: (original: Lister, options: ListOptions) => AsyncIterable<CloudResource>,
) {
  return (input: Input) => {
    const driver = createExampleDriver(input);
    const original: Lister = driver.listResources.bind(driver);
    return Object.assign(driver, {
      listResources: (options: ListOptions) => listResources(original, options),
    });
  };
}

describe('the conformance suite catches broken drivers', () => {
  test('every check passes for the example driver it is meant for', async () => {
    const run = suite(createExampleDriver);
    await run('declares a complete catalog');
    await run('reports a scope for everything it lists');
  });

  test('a denied list call that takes the whole service down, or stops the run', async () => {
    const denial = {
      listFault: { path: '/v1/databases/:id/users', status: 403 },
      expectDeniedTypes: ['examplecloud.database.user'],
      config: { services: ['databases', 'volumes'] },
    };
    // Reports without resourceTypes: what one scope per service (runScopes) says.
    const perService = suite(
      driverWith((original, options) =>
        original({
          ...options,
          runtime: {
            ...options.runtime,
            reportScope: ({ resourceTypes: _types, ...scope }) =>
              options.runtime.reportScope(scope),
          },
        }),
      ),
      { denial },
    );
    const name = 'a denied list call fails only its types; a denied read keeps the resources';
    await expect(perService(name)).rejects.toThrow(/took other types down with it/);
    // A driver that gives up the whole run when one call is denied.
    const stopping = suite(
      driverWith(async function* (original, options) {
        let failed = false;
        const runtime = {
          ...options.runtime,
          reportScope: (scope: ScopeReport) => {
            failed ||= scope.status === 'failed';
            options.runtime.reportScope(scope);
          },
        };
        yield* original({ ...options, runtime });
        if (failed) throw new DriverError({ message: 'access denied', errorClass: 'auth' });
      }),
      { denial },
    );
    await expect(stopping(name)).rejects.toThrow(/the run failed when one list call was denied/);
    const wrongTypes = suite(createExampleDriver, {
      denial: { ...denial, expectDeniedTypes: ['examplecloud.volume'] },
    });
    await expect(wrongTypes(name)).rejects.toThrow(
      /no scope of examplecloud.volume was reported failed/,
    );
    const unnamed = suite(
      driverWith((original, options) =>
        original({
          ...options,
          runtime: {
            ...options.runtime,
            reportScope: ({ call: _call, ...scope }) => options.runtime.reportScope(scope),
          },
        }),
      ),
      { denial },
    );
    await expect(unnamed(name)).rejects.toThrow(/does not name its call/);
  });

  test('unstable ids', async () => {
    let generation = 0;
    const run = suite(
      driverWith(async function* (original, options) {
        generation += 1;
        for await (const resource of original(options)) {
          yield { ...resource, resourceId: `${resource.resourceId}-${generation}` };
        }
      }),
    );
    await expect(run('keeps resource ids stable between two runs')).rejects.toThrow(
      /ids changed between runs/,
    );
  });

  test('scopes never reported', async () => {
    const run = suite(
      driverWith((original, options) =>
        original({ ...options, runtime: { ...options.runtime, reportScope() {} } }),
      ),
    );
    await expect(run('reports a scope for everything it lists')).rejects.toThrow(
      /no scope reported for services servers, volumes, databases/,
    );
  });

  test('config.services ignored', async () => {
    const run = suite((input) =>
      createExampleDriver({ ...input, config: { ...input.config, services: undefined } }),
    );
    await expect(run('honours config.services')).rejects.toThrow(/still yielded/);
  });

  test('config.regions ignored', async () => {
    const run = suite((input) =>
      createExampleDriver({ ...input, config: { ...input.config, regions: undefined } }),
    );
    await expect(run('honours config.regions')).rejects.toThrow(/still yielded/);
  });

  test('a declared type without fixtures, and an unexercised secret path', async () => {
    const catalog = {
      ...exampleCatalog,
      services: exampleCatalog.services.map((service) =>
        service.name === 'volumes'
          ? {
              ...service,
              resourceTypes: [
                { type: 'examplecloud.volume', secretPaths: ['encryption.key'] },
                { type: 'examplecloud.volume.snapshot' },
              ],
            }
          : service,
      ),
    };
    const run = suite((input) => {
      const driver = createExampleDriver(input);
      Object.defineProperty(driver, 'catalog', { get: () => catalog });
      return driver;
    });
    await expect(
      run('produces every declared resource type from the fixtures, well-formed'),
    ).rejects.toThrow(/no resource of these declared types: examplecloud\.volume\.snapshot/);
    await expect(run('exercises every declared secret path with the fixtures')).rejects.toThrow(
      /examplecloud\.volume secret path "encryption\.key" matches nothing/,
    );
  });

  test('secret paths required but not declared', async () => {
    const run = suite(createExampleDriver, {
      capabilities: { secretTypes: ['examplecloud.server'] },
    });
    await expect(run('exercises every declared secret path with the fixtures')).rejects.toThrow(
      /examplecloud\.server declares no secretPaths/,
    );
  });

  test('tags required on a type that has none', async () => {
    const run = suite(createExampleDriver, { capabilities: { tags: ['examplecloud.server'] } });
    await expect(run('collects tags')).rejects.toThrow(
      /no resource of examplecloud\.server carries tags/,
    );
  });

  test('Retry-After ignored', async () => {
    const run = suite((input) =>
      createExampleDriver({ ...input, retry: { ...input.retry, maximumWaitMs: 0 } }),
    );
    await expect(run('waits out a 429 with Retry-After and completes')).rejects.toThrow(
      /retried after \d+ ms; Retry-After asked for 1 s/,
    );
  });

  test('throttling not reported to the runtime', async () => {
    const run = suite(
      driverWith((original, options) =>
        original({ ...options, runtime: { ...options.runtime, emitRateLimit() {} } }),
      ),
    );
    await expect(run('waits out a 429 with Retry-After and completes')).rejects.toThrow(
      /emitted no rate-limit report/,
    );
  });

  test('a failing service takes the others down', async () => {
    const run = suite(
      driverWith(async function* (original, options) {
        // Lists the scopes one after another and gives up at the first error.
        for await (const resource of original({ ...options, concurrency: 1 })) yield resource;
        const failed =
          options.runtime &&
          (options.runtime as { scopes?: { status: string }[] }).scopes?.find(
            (scope) => scope.status === 'failed',
          );
        if (failed) throw new DriverError({ message: 'gave up', errorClass: 'server' });
      }),
    );
    await expect(
      run('keeps listing other services when one fails with 5xx, reporting its scope failed'),
    ).rejects.toThrow(/gave up/);
  });

  test('a 401 swallowed', async () => {
    const run = suite(
      driverWith(async function* (original, options) {
        try {
          yield* original(options);
        } catch {
          // Swallowing the error hides a broken credential from the user.
        }
      }),
    );
    await expect(
      run('fails with a DriverError of class auth when the credentials are refused'),
    ).rejects.toThrow(/completed although every call answered 401/);
  });

  test('an unhandled rejection during listing', async () => {
    const run = suite(
      driverWith(async function* (original, options) {
        void Promise.reject(new Error('forgotten promise'));
        yield* original(options);
      }),
    );
    // NOTE: vitest treats unhandled rejections as errors of the run; the suite's own listener is
    // the one under test, so vitest's are set aside for this test only.
    const saved = process.rawListeners('unhandledRejection') as ((...args: unknown[]) => void)[];
    process.removeAllListeners('unhandledRejection');
    try {
      await expect(run('declares a complete catalog')).resolves.toBeUndefined();
      await expect(run('reports a scope for everything it lists')).rejects.toThrow(
        /unhandled promise rejection\(s\) during the test: forgotten promise/,
      );
    } finally {
      for (const listener of saved) process.on('unhandledRejection', listener);
    }
  });
});
