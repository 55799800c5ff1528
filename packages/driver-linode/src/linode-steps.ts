import type { CloudResource } from '@cloud-inventory/core';
import type { ResourceEnrichment, StepContext } from '@cloud-inventory/driver-kit';
import {
  keptResource,
  type LinodeApiVersion,
  type LinodeListContext,
  type LinodeObject,
  linodeCall,
  linodeResource,
  listLinodeCollection,
} from './linode-list.ts';

/**
 * One listing step of the Linode driver: the resource types one chain of list calls yields. Every
 * Linode list is account-wide; a `regional` step is reported for every selected region it covers.
 */
export interface LinodeStepDefinition {
  /** Service of the catalog. */
  service: string;
  /** Resource types the step lists (and is complete for). */
  resourceTypes: readonly string[];
  /** The call(s), as named in a failed scope report: `GET /v4/volumes`. */
  call: string;
  /** True when the listed resources carry a region (the step covers every selected region). */
  regional: boolean;
  /** List the step's resources. */
  list: (context: LinodeListContext, step: StepContext) => AsyncIterable<CloudResource>;
  /** Per-resource enrichment calls (configs of a NodeBalancer, devices of a firewall). */
  enrich?: (
    resource: CloudResource,
    reads: ResourceEnrichment,
    context: LinodeListContext,
    step: StepContext,
  ) => Promise<CloudResource>;
}

/** Options of `collectionStep`. */
export interface CollectionStepOptions {
  /** Service of the catalog. */
  service: string;
  /** The one resource type of the step. */
  resourceType: string;
  /** Path after the version. */
  path: string;
  /** API version. @default 'v4' */
  version?: LinodeApiVersion;
  /** `X-Filter` header. */
  filter?: Record<string, unknown>;
  /** True when items carry a `region`. */
  regional: boolean;
  /** Resource id of an item. @default its `id` */
  resourceId?: (item: LinodeObject) => string | number | undefined;
  /** Region of an item. @default its `region`, else `global` */
  region?: (item: LinodeObject) => string | undefined;
  /** Display name of an item. @default its `label` */
  name?: (item: LinodeObject) => string | null | undefined;
  /** Enrichment of each listed resource. */
  enrich?: LinodeStepDefinition['enrich'];
}

/** A step listing one collection into one resource type, the payload kept whole. */
export function collectionStep(options: CollectionStepOptions): LinodeStepDefinition {
  return {
    service: options.service,
    resourceTypes: [options.resourceType],
    call: linodeCall(options.path, options.version),
    regional: options.regional,
    ...(options.enrich ? { enrich: options.enrich } : {}),
    async *list(context, step) {
      const items = listLinodeCollection(context, {
        path: options.path,
        ...(options.version ? { version: options.version } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
        service: options.service,
        signal: step.signal,
      });
      for await (const item of items) {
        const region = options.region?.(item);
        const name = options.name?.(item);
        const resource = linodeResource(context, item, {
          service: options.service,
          resourceType: options.resourceType,
          resourceId: options.resourceId?.(item) ?? (item.id as string | number),
          ...(region === undefined ? {} : { region }),
          ...(name === undefined ? {} : { name }),
        });
        const kept = keptResource(context, resource);
        if (kept) yield kept;
      }
    },
  };
}

/** Options of `childCollectionStep`. */
export interface ChildCollectionStepOptions {
  /** Service of the catalog. */
  service: string;
  /** The child resource type. */
  resourceType: string;
  /** Path of the parent collection (`/lke/clusters`). */
  parentPath: string;
  /** Path of one parent's children (`/lke/clusters/{clusterId}/pools`), `{…}` replaced by the parent id. */
  childPath: string;
  /** True when the parents carry a region (children inherit it). */
  regional: boolean;
  /** Display name of a child. */
  name: (child: LinodeObject, parent: LinodeObject) => string | null;
  /** Metadata of a child (references to its parent). */
  metadata: (parent: LinodeObject) => Record<string, unknown>;
}

/**
 * A step listing the children of every parent (node pools of each cluster, records of each domain):
 * a failing child call fails the step, so the child type is not complete and nothing of it is
 * deleted, while the parents' own step is unaffected. Child ids are `<parentId>/<childId>`.
 */
export function childCollectionStep(options: ChildCollectionStepOptions): LinodeStepDefinition {
  return {
    service: options.service,
    resourceTypes: [options.resourceType],
    call: `${linodeCall(options.parentPath)}, ${linodeCall(options.childPath)}`,
    regional: options.regional,
    async *list(context, step) {
      const parents = listLinodeCollection(context, {
        path: options.parentPath,
        service: options.service,
        signal: step.signal,
      });
      for await (const parent of parents) {
        const region =
          typeof parent.region === 'string' && parent.region ? parent.region : 'global';
        // A parent outside config.regions: its children are not listed at all.
        if (region !== 'global' && !context.keepRegion(region)) continue;
        const children = listLinodeCollection(context, {
          path: options.childPath.replace(/\{[^}]+\}/, encodeURIComponent(String(parent.id))),
          service: options.service,
          signal: step.signal,
        });
        for await (const child of children) {
          yield linodeResource(context, child, {
            service: options.service,
            resourceType: options.resourceType,
            resourceId: `${parent.id}/${child.id}`,
            name: options.name(child, parent),
            region,
            metadata: options.metadata(parent),
          });
        }
      }
    },
  };
}
