import type { BaseCloudDriver, CloudResource, ListOptions } from '@cloud-inventory/core';
import type { ConformanceDenial } from './conformance-denial.ts';
import type { FakeAuth } from './fake-auth.ts';
import type { FakeProviderServer, FakeRouteTable } from './fake-provider-server.ts';
import type { TestRuntime } from './test-runtime.ts';

/** Fast retry settings the suite hands to `createDriver`; map them onto your client or SDK. */
export interface ConformanceRetryPolicy {
  /** Attempts in total. */
  maximumAttempts: number;
  /** First backoff delay. */
  baseDelayMs: number;
  /** Cap of a backoff delay. */
  maximumDelayMs: number;
  /** Cap of a Retry-After wait. */
  maximumWaitMs: number;
}

/** The retry policy handed to `createDriver`: 3 attempts, 10 ms base, 50 ms cap, 2 s Retry-After cap. */
export const conformanceRetryPolicy: ConformanceRetryPolicy = {
  maximumAttempts: 3,
  baseDelayMs: 10,
  maximumDelayMs: 50,
  maximumWaitMs: 2_000,
};

/** What `createDriver` receives. */
export interface ConformanceDriverInput<Credentials> {
  /** The fake server's base URL (`http://127.0.0.1:<port>`): point every client or SDK endpoint at it. */
  endpoint: string;
  /** The credentials from the suite options. */
  credentials: Credentials;
  /** Driver config: the suite's `config` plus, per test, `services` or `regions`. */
  config: Record<string, unknown>;
  /** Retry settings that keep the suite fast. */
  retry: ConformanceRetryPolicy;
}

/** What the driver can do; checks for what it cannot are not registered. */
export interface ConformanceCapabilities {
  /** Tags are collected: on some resource (true) or on these resource types. @default false */
  tags?: boolean | string[];
  /** Labels are collected: on some resource (true) or on these resource types. @default false */
  labels?: boolean | string[];
  /** `config.regions` is honoured: true picks a region from the fixtures, or name the regions to keep. @default false */
  regions?: boolean | string[];
  /** The driver waits the time a 429's Retry-After asks. @default true */
  retryAfter?: boolean;
  /** The driver reports throttling through `runtime.emitRateLimit` (the kit's `onRateLimit`). @default true */
  reportsThrottling?: boolean;
  /** A service failing with 5xx leaves the others complete (needs `service` labels on fixture routes). @default true */
  failureIsolation?: boolean;
  /** Resource types that must declare secret paths. @default [] */
  secretTypes?: string[];
  /** Config key of the services filter. @default 'services' */
  servicesConfigKey?: string;
  /** Config key of the regions filter. @default 'regions' */
  regionsConfigKey?: string;
}

/** Fixtures: the routes (label each with its `service`) and the auth the fake server expects. */
export interface ConformanceFixtures {
  /** Routes serving recorded-shape responses, at least two pages per list call. */
  routes: FakeRouteTable;
  /** Authentication the fake server requires; must accept `credentials`. */
  auth?: FakeAuth;
  /** Latency added to every request. @default 0 */
  latencyMs?: number;
}

/** One driver run inside the suite. */
export interface ConformanceRun {
  /** What the driver yielded. */
  resources: CloudResource[];
  /** Everything it reported. */
  runtime: TestRuntime;
  /** The driver instance (already destroyed). */
  driver: BaseCloudDriver<any, any>;
}

/** Helpers given to `additionalTests`. */
export interface ConformanceContext<Credentials> {
  /** Register a test (wrapped like the suite's own: unhandled rejections fail it). */
  test: (name: string, body: () => Promise<void>) => void;
  /** Start a fake server with the fixtures; close it when done. */
  startServer: () => Promise<FakeProviderServer>;
  /** Create, initialise, list and destroy a driver against `server`. */
  runDriver: (
    server: FakeProviderServer,
    options?: {
      config?: Record<string, unknown>;
      listOptions?: Partial<Omit<ListOptions, 'runtime'>>;
    },
  ) => Promise<ConformanceRun>;
  /** The suite options. */
  options: DriverConformanceOptions<Credentials>;
}

/** Options of `runDriverConformance`. */
export interface DriverConformanceOptions<Credentials = unknown> {
  /** Test framework `describe` (vitest, node:test...). */
  describe: (name: string, body: () => void) => void;
  /** Test framework `test`; the third argument is a timeout in ms. */
  test: (name: string, body: () => Promise<void>, timeout?: number) => void;
  /** Driver name, as registered and as the catalog's `driver`. */
  name: string;
  /** Build a driver pointed at the fake server. */
  createDriver: (
    input: ConformanceDriverInput<Credentials>,
  ) => BaseCloudDriver<any, any> | Promise<BaseCloudDriver<any, any>>;
  /** Routes and auth of the fake server. */
  fixtures: ConformanceFixtures;
  /** Credentials the fake server accepts. */
  credentials: Credentials;
  /** Base driver config. @default {} */
  config?: Record<string, unknown>;
  /** What the driver can do. */
  capabilities?: ConformanceCapabilities;
  /**
   * Opt-in least-privilege check: deny one list call (and one per-resource read) for a whole run;
   * only the denied types may fail, everything else must still be found and complete.
   */
  denial?: ConformanceDenial;
  /** Register driver-specific tests with the suite's helpers. */
  additionalTests?: (context: ConformanceContext<Credentials>) => void;
  /** Timeout of each test. @default 30000 */
  timeoutMs?: number;
}
