import { fork } from 'node:child_process';
import type { CloudResource } from '@cloud-inventory/core';
import {
  createHttpClient,
  type ListScope,
  paginatePages,
  runScopes,
} from '@cloud-inventory/driver-kit';
import { createTestRuntime } from '@cloud-inventory/testkit';

/** Shape of the fan-out benchmark. */
export interface FanOutOptions {
  /** @default 16 */
  regions?: number;
  /** @default 20 */
  services?: number;
  /** List calls per scope (pages, fetched one after the other). @default 2 */
  pagesPerScope?: number;
  /** Latency the fake server adds to every call. @default 50 */
  latencyMs?: number;
  /** `runScopes` concurrencies measured; the first one is judged. @default [16, 64] */
  concurrencies?: number[];
  /** Items per page. @default 5 */
  itemsPerPage?: number;
}

/** One concurrency measured. */
export interface FanOutMeasurement {
  concurrency: number;
  calls: number;
  /** Connections the fake server accepted during the listing (0: every socket was reused). */
  connectionsOpened: number;
  scopesComplete: number;
  resources: number;
  wallMs: number;
  /** calls x latency / concurrency (each scope's pages are sequential, so this is reachable). */
  idealMs: number;
  ratio: number;
}

/** What the driver fan-out benchmark measured. */
export interface FanOutResult {
  status: 'met' | 'missed' | 'pending';
  summary: string;
  markdown: string;
  measurements?: FanOutMeasurement[];
}

interface FakeItem {
  id: string;
  region: string;
  service: string;
}

interface ServedCounts {
  requests: number;
  connections: number;
}

interface FakeServerProcess {
  url: string;
  served(): Promise<ServedCounts>;
  stop(): Promise<void>;
}

// The fake provider runs in a process of its own, as a real provider would be remote.
async function startFakeServerProcess(
  latencyMs: number,
  itemsPerPage: number,
  pagesPerScope: number,
): Promise<FakeServerProcess> {
  const child = fork(new URL('./bench-fan-out-server-process.ts', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--conditions=source'],
    env: {
      ...process.env,
      BENCH_FAN_OUT_LATENCY_MS: String(latencyMs),
      BENCH_FAN_OUT_ITEMS_PER_PAGE: String(itemsPerPage),
      BENCH_FAN_OUT_PAGES: String(pagesPerScope),
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) =>
      reject(new Error(`fake provider server exited with code ${code}`)),
    );
  });
  return {
    url,
    served: () =>
      new Promise<ServedCounts>((resolve) => {
        child.once('message', (message) => {
          const counts = message as { count: number; connections: number };
          resolve({ requests: counts.count, connections: counts.connections });
        });
        child.send('count');
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

/**
 * driver-kit's `runScopes` over regions x services against the testkit's fake provider server with
 * a fixed latency per call: the wall time of the whole listing against calls x latency / concurrency.
 */
export async function runFanOutBenchmark(options: FanOutOptions = {}): Promise<FanOutResult> {
  const regions = Array.from(
    { length: options.regions ?? 16 },
    (_, index) => `region-${index + 1}`,
  );
  const services = Array.from(
    { length: options.services ?? 20 },
    (_, index) => `service${index + 1}`,
  );
  const pagesPerScope = options.pagesPerScope ?? 2;
  const latencyMs = options.latencyMs ?? 50;
  const itemsPerPage = options.itemsPerPage ?? 5;
  const concurrencies = options.concurrencies ?? [16, 64];
  const server = await startFakeServerProcess(latencyMs, itemsPerPage, pagesPerScope);
  const measurements: FanOutMeasurement[] = [];
  try {
    const client = createHttpClient({ baseUrl: server.url, auth: { type: 'none' } });
    // One warm-up listing (connections, JIT) that is not measured, at the largest concurrency so
    // that no measured listing opens connections the warm-up did not ("connections opened" shows
    // it). NOTE: fetch holds about two sockets per request in flight (it sends a scope's next page
    // before the last page's socket is back in its pool), so the warm-up opens about 2 x 64.
    for (const concurrency of [Math.max(...concurrencies), ...concurrencies]) {
      const before = await server.served();
      const runtime = createTestRuntime();
      let clientCalls = 0;
      const scopes: ListScope[] = [];
      for (const service of services) {
        for (const region of regions) {
          scopes.push({
            service,
            region,
            list: (signal) =>
              mapItems(
                paginatePages<FakeItem, { items: FakeItem[]; next: number | null }>({
                  perPage: itemsPerPage,
                  signal,
                  fetchPage: ({ page, perPage }) => {
                    clientCalls += 1;
                    return client.request({
                      method: 'GET',
                      path: `/v1/${service}`,
                      query: { region, page, per_page: perPage },
                      signal,
                      service,
                      region,
                    }) as never;
                  },
                  items: (body) => body.items,
                  isLastPage: ({ body }) => body.next === null,
                }),
              ),
          });
        }
      }
      const startedAt = performance.now();
      let resources = 0;
      for await (const _resource of runScopes({ scopes, concurrency, runtime })) resources += 1;
      const wallMs = performance.now() - startedAt;
      const after = await server.served();
      const calls = after.requests - before.requests;
      if (calls !== clientCalls)
        throw new Error(`fan-out: ${clientCalls} calls made, ${calls} served`);
      const idealMs = (calls * latencyMs) / concurrency;
      measurements.push({
        concurrency,
        calls,
        connectionsOpened: after.connections - before.connections,
        scopesComplete: runtime.scopes.filter((scope) => scope.status === 'complete').length,
        resources,
        wallMs,
        idealMs,
        ratio: wallMs / idealMs,
      });
    }
    measurements.shift();
  } finally {
    await server.stop();
  }
  // Every concurrency measured is judged (issue 19: 64 as well as 16).
  const met = measurements.every(
    (judged) =>
      judged.ratio <= 1.25 &&
      judged.scopesComplete === regions.length * services.length &&
      judged.calls === regions.length * services.length * pagesPerScope,
  );
  const describe = (measurement: FanOutMeasurement) =>
    `concurrency ${measurement.concurrency}: ${measurement.calls} calls in ${(measurement.wallMs / 1000).toFixed(2)} s vs ${(measurement.idealMs / 1000).toFixed(2)} s ideal (${measurement.ratio.toFixed(2)}×)`;
  const rows = measurements.map(
    (measurement) =>
      `| ${measurement.concurrency} | ${measurement.calls} | ${measurement.connectionsOpened} | ${measurement.scopesComplete} | ${measurement.resources} | ${(measurement.wallMs / 1000).toFixed(2)} | ${(measurement.idealMs / 1000).toFixed(2)} | ${measurement.ratio.toFixed(2)}× |`,
  );
  return {
    status: met ? 'met' : 'missed',
    summary: `${regions.length} regions × ${services.length} services × ${pagesPerScope} pages, ${latencyMs} ms per call; ${measurements.map(describe).join('; ')}`,
    markdown: [
      `driver-kit \`runScopes\` + \`paginatePages\` + \`createHttpClient\` against the testkit's fake provider server (\`latencyMs: ${latencyMs}\`, in a process of its own; one unmeasured warm-up listing), ${regions.length} regions × ${services.length} services, ${pagesPerScope} pages per scope fetched one after the other. Ideal = calls × latency ÷ concurrency.`,
      '',
      '| concurrency | calls | connections opened | scopes complete | resources | wall s | ideal s | wall ÷ ideal |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
    measurements,
  };
}

async function* mapItems(source: AsyncIterable<FakeItem>): AsyncGenerator<CloudResource> {
  for await (const item of source) {
    yield {
      provider: 'fake',
      service: item.service,
      region: item.region,
      resourceType: `fake.${item.service}.item`,
      resourceId: item.id,
      configuration: item,
    };
  }
}
