import { aggregatedDefinition, globalDefinition, networkTags } from './gcp-compute-listing.ts';
import type { GcpItem, GcpListingDefinition } from './gcp-resource.ts';

/** Compute Engine: instances, disks, snapshots, own images, instance groups, managed groups, templates. */
export const gcpComputeDefinitions: GcpListingDefinition[] = [
  aggregatedDefinition({
    service: 'compute',
    collection: 'instances',
    permission: 'compute.instances.list',
    tags: (item) => networkTags(item.tags),
    entry: {
      type: 'gcp.compute.instance',
      description: 'VM instance (instances.aggregatedList); network tags mirrored as tags',
      volatilePaths: [
        'status',
        'statusMessage',
        'lastStartTimestamp',
        'lastStopTimestamp',
        'lastSuspendedTimestamp',
        'resourceStatus',
      ],
      // NOTE: startup scripts and other metadata values often carry credentials.
      secretPaths: ['metadata.items[*].value'],
    },
  }),
  aggregatedDefinition({
    service: 'compute',
    collection: 'disks',
    permission: 'compute.disks.list',
    entry: {
      type: 'gcp.compute.disk',
      description: 'Persistent disk, zonal or regional (disks.aggregatedList)',
      volatilePaths: ['status', 'lastAttachTimestamp', 'lastDetachTimestamp'],
    },
  }),
  globalDefinition({
    service: 'compute',
    collection: 'snapshots',
    permission: 'compute.snapshots.list',
    entry: {
      type: 'gcp.compute.snapshot',
      description: 'Disk snapshot (snapshots.list)',
      volatilePaths: ['status', 'storageBytes', 'storageBytesStatus', 'downloadBytes'],
    },
  }),
  globalDefinition({
    service: 'compute',
    collection: 'images',
    permission: 'compute.images.list',
    entry: {
      type: 'gcp.compute.image',
      description: "The project's own images (images.list)",
      volatilePaths: ['status'],
    },
  }),
  aggregatedDefinition({
    service: 'compute',
    collection: 'instanceGroups',
    permission: 'compute.instanceGroups.list',
    entry: {
      type: 'gcp.compute.instance-group',
      description: 'Instance group, managed or not (instanceGroups.aggregatedList)',
      volatilePaths: ['size', 'fingerprint'],
    },
  }),
  aggregatedDefinition({
    service: 'compute',
    collection: 'instanceGroupManagers',
    permission: 'compute.instanceGroupManagers.list',
    entry: {
      type: 'gcp.compute.instance-group-manager',
      description: 'Managed instance group (instanceGroupManagers.aggregatedList)',
      // The autoscaler moves targetSize; actions and status follow the instances.
      volatilePaths: ['currentActions', 'status', 'targetSize', 'fingerprint'],
    },
  }),
  aggregatedDefinition({
    service: 'compute',
    collection: 'instanceTemplates',
    permission: 'compute.instanceTemplates.list',
    tags: (item: GcpItem) => networkTags(item.properties?.tags),
    entry: {
      type: 'gcp.compute.instance-template',
      description: 'Instance template, global or regional (instanceTemplates.aggregatedList)',
      secretPaths: ['properties.metadata.items[*].value'],
    },
  }),
];
