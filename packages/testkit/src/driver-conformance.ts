import { type CloudResource, type DriverCatalog, DriverError } from '@cloud-inventory/core';
import { collectResources } from './collect-resources.ts';
import {
  ConformanceError,
  catalogTypes,
  check,
  checkCatalog,
  checkEveryTypeProduced,
  checkKeyValues,
  checkNoCredentials,
  checkResources,
  checkScopes,
  checkSecretPaths,
  identityOf,
} from './conformance-checks.ts';
import { runDenialCheck } from './conformance-denial.ts';
import {
  type ConformanceContext,
  conformanceRetryPolicy,
  type DriverConformanceOptions,
} from './conformance-options.ts';
import {
  createFakeProviderServer,
  type FakeProviderServer,
  normalizeRoutes,
} from './fake-provider-server.ts';
import { createTestRuntime } from './test-runtime.ts';

// Waits a little after a test body so rejections that surface late are still caught.
const settleDelayMs = 25;

function guarded(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const rejections: unknown[] = [];
    const listener = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await body();
      await new Promise((resolve) => setTimeout(resolve, settleDelayMs));
    } finally {
      process.off('unhandledRejection', listener);
    }
    check(
      rejections.length === 0,
      () =>
        `unhandled promise rejection(s) during the test: ${rejections.map((reason) => (reason instanceof Error ? reason.message : String(reason))).join('; ')}`,
    );
  };
}

function servicesWithResources(resources: CloudResource[], catalog: DriverCatalog): string[] {
  const services = new Set(resources.map((resource) => resource.service));
  return catalog.services.map((service) => service.name).filter((name) => services.has(name));
}

/** Register the driver conformance suite (catalog, fixtures, ids, tags, secrets, scopes, filters, throttling, failures, auth). */
export function runDriverConformance<Credentials>(
  options: DriverConformanceOptions<Credentials>,
): void {
  const capabilities = options.capabilities ?? {};
  const timeoutMs = options.timeoutMs ?? 30_000;
  const servicesKey = capabilities.servicesConfigKey ?? 'services';
  const regionsKey = capabilities.regionsConfigKey ?? 'regions';
  const baseConfig = options.config ?? {};

  const startServer = () =>
    createFakeProviderServer({
      routes: options.fixtures.routes,
      ...(options.fixtures.auth ? { auth: options.fixtures.auth } : {}),
      ...(options.fixtures.latencyMs !== undefined
        ? { latencyMs: options.fixtures.latencyMs }
        : {}),
    });

  const createDriver = async (server: FakeProviderServer, config: Record<string, unknown> = {}) =>
    options.createDriver({
      endpoint: server.url,
      credentials: options.credentials,
      config: { ...baseConfig, ...config },
      retry: { ...conformanceRetryPolicy },
    });

  const runDriver: ConformanceContext<Credentials>['runDriver'] = async (
    server,
    runOptions = {},
  ) => {
    const driver = await createDriver(server, runOptions.config);
    const runtime = createTestRuntime();
    try {
      await driver.initialize();
      const resources = await collectResources(driver, { ...runOptions.listOptions, runtime });
      checkNoCredentials(
        { resources, runtime },
        options.credentials,
        'the resources or runtime reports',
      );
      return { resources, runtime, driver };
    } finally {
      await driver.destroy();
    }
  };

  // Starts a server, runs `body`, always closes the server.
  const withServer = async <Result>(body: (server: FakeProviderServer) => Promise<Result>) => {
    const server = await startServer();
    try {
      return await body(server);
    } finally {
      await server.close();
    }
  };

  const catalogOf = async (server: FakeProviderServer): Promise<DriverCatalog> => {
    const driver = await createDriver(server);
    try {
      checkCatalog(driver.catalog, options.name);
      return driver.catalog;
    } finally {
      await driver.destroy();
    }
  };

  const register = (name: string, body: () => Promise<void>) =>
    options.test(name, guarded(body), timeoutMs);

  options.describe(`${options.name} driver conformance`, () => {
    register('declares a complete catalog', () =>
      withServer(async (server) => {
        await catalogOf(server);
      }),
    );

    register('produces every declared resource type from the fixtures, well-formed', () =>
      withServer(async (server) => {
        const catalog = await catalogOf(server);
        const { resources } = await runDriver(server);
        checkResources(resources, catalog);
        checkEveryTypeProduced(resources, catalog);
      }),
    );

    register('keeps resource ids stable between two runs', () =>
      withServer(async (server) => {
        const first = (await runDriver(server)).resources.map(identityOf).sort();
        const second = (await runDriver(server)).resources.map(identityOf).sort();
        check(first.length > 0, 'the fixtures produced no resources.');
        check(
          JSON.stringify(first) === JSON.stringify(second),
          () =>
            `ids changed between runs: only in the first ${first
              .filter((id) => !second.includes(id))
              .slice(0, 5)
              .join(', ')}; only in the second ${second
              .filter((id) => !first.includes(id))
              .slice(0, 5)
              .join(', ')}.`,
        );
      }),
    );

    for (const field of ['tags', 'labels'] as const) {
      const requirement = capabilities[field];
      if (!requirement || (Array.isArray(requirement) && requirement.length === 0)) continue;
      register(`collects ${field}`, () =>
        withServer(async (server) => {
          checkKeyValues((await runDriver(server)).resources, field, requirement);
        }),
      );
    }

    register('exercises every declared secret path with the fixtures', () =>
      withServer(async (server) => {
        const catalog = await catalogOf(server);
        checkSecretPaths((await runDriver(server)).resources, catalog, capabilities.secretTypes);
      }),
    );

    register('reports a scope for everything it lists', () =>
      withServer(async (server) => {
        const catalog = await catalogOf(server);
        const { resources, runtime } = await runDriver(server);
        checkScopes(
          resources,
          runtime.scopes,
          catalog.services.map((service) => service.name),
        );
      }),
    );

    register(`honours config.${servicesKey}`, () =>
      withServer(async (server) => {
        const catalog = await catalogOf(server);
        const baseline = await runDriver(server);
        const chosen = servicesWithResources(baseline.resources, catalog)[0];
        check(chosen, 'the fixtures produced no resources.');
        const types = catalogTypes(catalog);
        const filtered = await runDriver(server, { config: { [servicesKey]: [chosen] } });
        const strays = filtered.resources.filter(
          (resource) => types.get(resource.resourceType) !== chosen,
        );
        check(
          strays.length === 0,
          () =>
            `with ${servicesKey}: ["${chosen}"] the driver still yielded ${strays.slice(0, 5).map(identityOf).join(', ')}.`,
        );
        const expected = baseline.resources
          .filter((resource) => resource.service === chosen)
          .map(identityOf)
          .sort();
        check(
          JSON.stringify(filtered.resources.map(identityOf).sort()) === JSON.stringify(expected),
          `with ${servicesKey}: ["${chosen}"] the driver did not yield the same ${chosen} resources as an unfiltered run.`,
        );
        const otherScopes = filtered.runtime.scopes.filter((scope) => scope.service !== chosen);
        check(
          otherScopes.length === 0,
          () =>
            `with ${servicesKey}: ["${chosen}"] the driver reported scopes of ${otherScopes.map((scope) => scope.service).join(', ')}.`,
        );
      }),
    );

    if (capabilities.regions) {
      register(`honours config.${regionsKey}`, () =>
        withServer(async (server) => {
          const baseline = await runDriver(server);
          const regional = baseline.resources
            .map((resource) => resource.region)
            .filter(
              (region): region is string => typeof region === 'string' && region !== 'global',
            );
          const chosen = Array.isArray(capabilities.regions)
            ? capabilities.regions
            : regional.slice(0, 1);
          check(chosen.length > 0, 'no fixture resource has a region other than global.');
          const allowed = new Set([...chosen, 'global']);
          const filtered = await runDriver(server, { config: { [regionsKey]: chosen } });
          const strays = filtered.resources.filter(
            (resource) => !allowed.has(resource.region ?? 'global'),
          );
          check(
            strays.length === 0,
            () =>
              `with ${regionsKey}: ${JSON.stringify(chosen)} the driver still yielded ${strays
                .slice(0, 5)
                .map((resource) => `${identityOf(resource)} (${resource.region})`)
                .join(', ')}.`,
          );
          const expected = baseline.resources
            .filter((resource) => chosen.includes(resource.region ?? 'global'))
            .map(identityOf);
          const got = new Set(filtered.resources.map(identityOf));
          const missing = expected.filter((identity) => !got.has(identity));
          check(
            missing.length === 0,
            () => `with ${regionsKey} the driver lost ${missing.slice(0, 5).join(', ')}.`,
          );
          const strayScopes = filtered.runtime.scopes.filter((scope) => !allowed.has(scope.region));
          check(
            strayScopes.length === 0,
            () =>
              `with ${regionsKey}: ${JSON.stringify(chosen)} the driver reported scopes in ${strayScopes.map((scope) => scope.region).join(', ')}.`,
          );
        }),
      );
    }

    register('waits out a 429 with Retry-After and completes', () =>
      withServer(async (server) => {
        const baseline = (await runDriver(server)).resources.map(identityOf).sort();
        server.reset();
        const driver = await createDriver(server);
        const runtime = createTestRuntime();
        let resources: CloudResource[];
        try {
          await driver.initialize();
          const fault = server.injectFault({
            status: 429,
            retryAfterSeconds: 1,
            times: 1,
            match: () => true,
          });
          resources = await collectResources(driver, { runtime });
          check(
            fault.hits === 1,
            'the injected 429 was never hit: does the driver call the fake server?',
          );
        } finally {
          await driver.destroy();
        }
        check(
          JSON.stringify(resources.map(identityOf).sort()) === JSON.stringify(baseline),
          'after one 429 the run did not yield the same resources as an undisturbed run.',
        );
        const failed = runtime.scopes.filter((scope) => scope.status !== 'complete');
        check(
          failed.length === 0,
          () =>
            `after one 429 scopes were not complete: ${failed.map((scope) => `${scope.service}@${scope.region}`).join(', ')}.`,
        );
        if (capabilities.reportsThrottling !== false) {
          check(
            runtime.rateLimits.length > 0,
            "the driver was throttled but emitted no rate-limit report; wire the client's onRateLimit to runtime.emitRateLimit.",
          );
        }
        if (capabilities.retryAfter !== false) {
          const index = server.requests.findIndex((entry) => entry.fault);
          const throttled = server.requests[index]!;
          const retried = server.requests
            .slice(index + 1)
            .find(
              (entry) =>
                entry.method === throttled.method &&
                entry.path === throttled.path &&
                JSON.stringify(entry.query) === JSON.stringify(throttled.query),
            );
          check(
            retried,
            `the throttled call ${throttled.method} ${throttled.path} was never retried.`,
          );
          const waitedMs = retried.receivedAt - throttled.receivedAt;
          check(
            waitedMs >= 900,
            `the driver retried after ${waitedMs} ms; Retry-After asked for 1 s.`,
          );
        }
      }),
    );

    if (capabilities.failureIsolation !== false) {
      register(
        'keeps listing other services when one fails with 5xx, reporting its scope failed',
        () =>
          withServer(async (server) => {
            const catalog = await catalogOf(server);
            const baseline = await runDriver(server);
            const labelled = new Set(
              normalizeRoutes(options.fixtures.routes).map((route) => route.service),
            );
            const candidates = servicesWithResources(baseline.resources, catalog).filter(
              (service) => labelled.has(service),
            );
            check(
              candidates.length >= 2,
              'failure isolation needs fixture routes of at least two services labelled with `service` (or set capabilities.failureIsolation: false).',
            );
            const failing = candidates[0]!;
            server.reset();
            server.injectFault({ service: failing, status: 500, times: Number.POSITIVE_INFINITY });
            const run = await runDriver(server);
            const failingScopes = run.runtime.scopes.filter((scope) => scope.service === failing);
            check(
              failingScopes.length > 0,
              `no scope was reported for the failing service ${failing}.`,
            );
            check(
              failingScopes.every(
                (scope) => scope.status === 'failed' && scope.errorClass === 'server',
              ),
              () =>
                `scopes of ${failing} (500 on every call) should be failed with errorClass "server": ${JSON.stringify(failingScopes)}.`,
            );
            const others = run.runtime.scopes.filter((scope) => scope.service !== failing);
            check(
              others.length > 0 && others.every((scope) => scope.status === 'complete'),
              () =>
                `scopes of the other services should stay complete: ${JSON.stringify(others.filter((scope) => scope.status !== 'complete'))}.`,
            );
            const expected = baseline.resources
              .filter((resource) => resource.service !== failing)
              .map(identityOf)
              .sort();
            const got = run.resources
              .filter((resource) => resource.service !== failing)
              .map(identityOf)
              .sort();
            check(
              JSON.stringify(got) === JSON.stringify(expected),
              `with ${failing} failing, the other services did not yield all their resources.`,
            );
          }),
      );
    }

    register('fails with a DriverError of class auth when the credentials are refused', () =>
      withServer(async (server) => {
        server.injectFault({ status: 401, times: Number.POSITIVE_INFINITY });
        let failure: unknown;
        try {
          await runDriver(server);
        } catch (error) {
          failure = error;
        }
        check(failure !== undefined, 'the driver completed although every call answered 401.');
        if (failure instanceof ConformanceError) throw failure;
        check(
          DriverError.isInstance(failure) && failure.errorClass === 'auth',
          () =>
            `a 401 should fail the run with a DriverError of class "auth"; got ${failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure)}.`,
        );
        checkNoCredentials(failure.message, options.credentials, 'the auth error message');
      }),
    );

    const denial = options.denial;
    if (denial) {
      register('a denied list call fails only its types; a denied read keeps the resources', () =>
        withServer((server) => runDenialCheck(denial, server, runDriver)),
      );
    }

    options.additionalTests?.({
      test: (name, body) => register(name, body),
      startServer,
      runDriver,
      options,
    });
  });
}
