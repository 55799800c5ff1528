import type { ListStep } from '@cloud-inventory/driver-kit';
import {
  collectionStep,
  stringField,
  type VultrCollection,
  type VultrRunContext,
} from './vultr-resource.ts';

/** Block storage volumes: `GET /blocks`. */
export const vultrBlocks: VultrCollection = {
  service: 'blockstorage',
  resourceType: 'vultr.blockstorage.volume',
  path: '/blocks',
  key: 'blocks',
  regional: true,
  name: (item) => stringField(item, 'label'),
};

/** Snapshots: `GET /snapshots`; they have no region. */
export const vultrSnapshots: VultrCollection = {
  service: 'snapshots',
  resourceType: 'vultr.snapshot',
  path: '/snapshots',
  key: 'snapshots',
  regional: false,
  name: (item) => stringField(item, 'description'),
};

/** Object Storage subscriptions: `GET /object-storage` (buckets are only visible through S3). */
export const vultrObjectStorages: VultrCollection = {
  service: 'objectstorage',
  resourceType: 'vultr.objectstorage.subscription',
  path: '/object-storage',
  key: 'object_storages',
  regional: true,
  name: (item) => stringField(item, 'label'),
};

/** The storage steps: block storage, snapshots, Object Storage. */
export function vultrStorageSteps(context: VultrRunContext): ListStep[] {
  return [
    collectionStep(vultrBlocks, context),
    collectionStep(vultrSnapshots, context),
    collectionStep(vultrObjectStorages, context),
  ];
}
