import { runDriverConformance } from '@cloud-inventory/testkit';
import { describe, test } from 'vitest';
import { createCloudflareDriver } from '../src/driver.ts';
import { accountId } from './fixtures/cloudflare-estate.ts';
import {
  cloudflareApiPrefix,
  cloudflareCredentials,
  cloudflareFixtures,
} from './fixtures/cloudflare-fixtures.ts';

// NOTE: workaround of a testkit limitation (reported as a kit candidate): `checkScopes` keys the
// scope reports by `service@region` only, so a driver on the kit's list steps, which reports one
// type-limited scope per list call, fails its duplicate check for every service with several
// calls. Exactly that failure is tolerated here, for exactly these services; any other failure of
// the test still fails it. cloudflare-services.test.ts checks what the rest of `checkScopes`
// checks (one complete report per call, every type covered).
const servicesWithSeveralCalls = ['zones', 'workers', 'loadbalancers', 'access'];
const knownDuplicateReport = `scopes reported more than once: ${servicesWithSeveralCalls
  .map((service) => `${service}@global`)
  .join(', ')}.`;

function conformanceTest(name: string, body: () => Promise<void>, timeout?: number): void {
  if (name !== 'reports a scope for everything it lists') {
    test(name, body, timeout);
    return;
  }
  test(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        if (!(error instanceof Error) || error.message !== knownDuplicateReport) throw error;
      }
    },
    timeout,
  );
}

runDriverConformance({
  describe,
  test: conformanceTest,
  name: 'cloudflare',
  createDriver: ({ endpoint, credentials, config, retry }) =>
    createCloudflareDriver({
      id: 'cloudflare-test',
      driver: 'cloudflare',
      credentials,
      config: { accountId, ...config, endpoint: `${endpoint}${cloudflareApiPrefix}`, retry },
    }),
  fixtures: cloudflareFixtures,
  credentials: cloudflareCredentials,
  capabilities: {
    tags: true,
    regions: true,
    // NOTE: the suite fails the first service (`zones`) and expects every other service complete,
    // but the zone list feeds the zone-scoped steps of other services (workers routes, load
    // balancers, rulesets, certificate packs), which rightly fail with it. cloudflare-resilience
    // tests isolation instead: a failing account-level list, and a failing zone list.
    failureIsolation: false,
    secretTypes: [
      'cloudflare.workers.script',
      'cloudflare.pages.project',
      'cloudflare.pages.deployment',
    ],
  },
});
