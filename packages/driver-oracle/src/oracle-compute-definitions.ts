import type { OracleListDefinition } from './oracle-listing.ts';

/** Compute instances, boot volumes and custom images; block volumes. */
export const oracleComputeDefinitions: OracleListDefinition[] = [
  {
    service: 'compute',
    type: 'oracle.compute.instance',
    call: 'ListInstances',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('compute', region).listInstances({ compartmentId, page, limit })),
  },
  {
    service: 'compute',
    type: 'oracle.compute.boot-volume',
    call: 'ListBootVolumes',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() =>
        clients.get('blockstorage', region).listBootVolumes({ compartmentId, page, limit }),
      ),
  },
  {
    service: 'compute',
    type: 'oracle.compute.image',
    call: 'ListImages',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('compute', region).listImages({ compartmentId, page, limit })),
    // ListImages also returns Oracle's platform images, which belong to no compartment of the tenancy.
    keep: (image) => typeof (image as { compartmentId?: unknown }).compartmentId === 'string',
  },
  {
    service: 'blockstorage',
    type: 'oracle.blockstorage.volume',
    call: 'ListVolumes',
    scope: 'regional',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('blockstorage', region).listVolumes({ compartmentId, page, limit })),
  },
];
