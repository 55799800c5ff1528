import { defineMockProvider } from '../mock-provider-definition.ts';
import { ownershipTags, privateIp, uniqueUuid } from './mock-shared.ts';

/** A provider-neutral cloud, used by `MockCloudDriver` when no provider is chosen. */
export const genericMockProvider = defineMockProvider({
  driver: 'mock',
  provider: 'mock',
  aliases: [],
  defaultAccountId: 'mock-account',
  regions: ['region-a', 'region-b', 'region-c'],
  services: [
    {
      name: 'compute',
      description: 'Virtual machines',
      resourceTypes: [
        {
          type: 'mock.compute.instance',
          description: 'A virtual machine',
          weight: 3,
          driftAttributes: 2,
          volatilePaths: ['status.lastHeartbeat'],
          identify: (context) => ({
            id: `vm-${context.uniqueHex(12)}`,
            name: context.label(['web', 'api', 'worker']),
          }),
          build: (context) => {
            const tags = ownershipTags(context, 1);
            return {
              configuration: {
                id: context.id,
                name: context.name,
                size: context.pickDrifting(['small', 'medium', 'large', 'xlarge'], 'size', 0),
                privateIp: privateIp(context),
                tags,
                status: { state: 'running', lastHeartbeat: context.volatileTimestamp('heartbeat') },
              },
              tags,
            };
          },
        },
      ],
    },
    {
      name: 'storage',
      description: 'Object storage',
      global: true,
      resourceTypes: [
        {
          type: 'mock.storage.bucket',
          description: 'An object storage bucket',
          driftAttributes: 2,
          identify: (context) => ({
            id: `bucket-${context.uniqueHex(10)}`,
            name: `bucket-${context.uniqueHex(10)}`,
          }),
          build: (context) => {
            const tags = ownershipTags(context, 1);
            return {
              configuration: {
                name: context.name,
                versioning: context.pickDrifting(['enabled', 'suspended'], 'versioning', 0),
                tags,
              },
              tags,
            };
          },
        },
      ],
    },
    {
      name: 'network',
      description: 'Private networks',
      resourceTypes: [
        {
          type: 'mock.network.network',
          description: 'A private network',
          driftAttributes: 1,
          identify: (context) => ({
            id: `net-${uniqueUuid(context)}`,
            name: context.label(['core', 'edge']),
          }),
          build: (context) => ({
            configuration: {
              id: context.id,
              name: context.name,
              cidr: `10.${context.index % 256}.0.0/16`,
              subnets: context.drift(0) + 1,
            },
          }),
        },
      ],
    },
  ],
});
