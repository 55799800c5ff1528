import type { MockProviderDefinition } from '../mock-provider-definition.ts';
import { alibabaMockProvider } from './alibaba-mock.ts';
import { awsMockProvider } from './aws-mock.ts';
import { azureMockProvider } from './azure-mock.ts';
import { cloudflareMockProvider } from './cloudflare-mock.ts';
import { digitalOceanMockProvider } from './digitalocean-mock.ts';
import { gcpMockProvider } from './gcp-mock.ts';
import { hetznerMockProvider } from './hetzner-mock.ts';
import { linodeMockProvider } from './linode-mock.ts';
import { mongoDbAtlasMockProvider } from './mongodb-atlas-mock.ts';
import { oracleMockProvider } from './oracle-mock.ts';
import { vultrMockProvider } from './vultr-mock.ts';

export { genericMockProvider } from './generic-mock.ts';
export {
  alibabaMockProvider,
  awsMockProvider,
  azureMockProvider,
  cloudflareMockProvider,
  digitalOceanMockProvider,
  gcpMockProvider,
  hetznerMockProvider,
  linodeMockProvider,
  mongoDbAtlasMockProvider,
  oracleMockProvider,
  vultrMockProvider,
};

/** The eleven provider definitions, in the seed's order. */
export const mockProviderDefinitions: readonly MockProviderDefinition[] = [
  awsMockProvider,
  gcpMockProvider,
  vultrMockProvider,
  digitalOceanMockProvider,
  oracleMockProvider,
  azureMockProvider,
  linodeMockProvider,
  hetznerMockProvider,
  alibabaMockProvider,
  cloudflareMockProvider,
  mongoDbAtlasMockProvider,
];

/** The definition for a driver name, alias or provider (`aws-mock`, `do-mock`, `azure`), if any. */
export function findMockProviderDefinition(name: string): MockProviderDefinition | undefined {
  return mockProviderDefinitions.find(
    (candidate) =>
      candidate.driver === name || candidate.aliases.includes(name) || candidate.provider === name,
  );
}
