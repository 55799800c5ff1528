import { childCollectionStep, collectionStep, type LinodeStepDefinition } from './linode-steps.ts';

/** Linodes, LKE clusters and node pools, volumes, placement groups, private images, own StackScripts, managed databases. */
export const linodeComputeSteps: readonly LinodeStepDefinition[] = [
  collectionStep({
    service: 'linodes',
    resourceType: 'linode.linode',
    path: '/linode/instances',
    regional: true,
  }),
  collectionStep({
    service: 'kubernetes',
    resourceType: 'linode.kubernetes.cluster',
    path: '/lke/clusters',
    regional: true,
  }),
  childCollectionStep({
    service: 'kubernetes',
    resourceType: 'linode.kubernetes.nodepool',
    parentPath: '/lke/clusters',
    childPath: '/lke/clusters/{clusterId}/pools',
    regional: true,
    // Pools have no label of their own in the v4 answer; the cluster's label names them.
    name: (pool, cluster) =>
      typeof pool.label === 'string' && pool.label ? pool.label : `${cluster.label}/${pool.id}`,
    metadata: (cluster) => ({ clusterId: cluster.id, clusterLabel: cluster.label }),
  }),
  collectionStep({
    service: 'volumes',
    resourceType: 'linode.volume',
    path: '/volumes',
    regional: true,
  }),
  collectionStep({
    service: 'placementgroups',
    resourceType: 'linode.placement-group',
    path: '/placement/groups',
    regional: true,
  }),
  collectionStep({
    service: 'images',
    resourceType: 'linode.image',
    path: '/images',
    // Public images are Linode's distributions, not resources of the account.
    filter: { is_public: false },
    regional: false,
  }),
  collectionStep({
    service: 'stackscripts',
    resourceType: 'linode.stackscript',
    path: '/linode/stackscripts',
    // Without the filter the list holds every public StackScript of every user.
    filter: { mine: true },
    regional: false,
  }),
  // NOTE: /v4beta, as Akamai's Cloud Manager calls them: the spec serves database lists on both,
  // and fields of the newer database clusters appear on the beta version first.
  collectionStep({
    service: 'databases',
    resourceType: 'linode.databases.mysql',
    path: '/databases/mysql/instances',
    version: 'v4beta',
    regional: true,
  }),
  collectionStep({
    service: 'databases',
    resourceType: 'linode.databases.postgresql',
    path: '/databases/postgresql/instances',
    version: 'v4beta',
    regional: true,
  }),
];
