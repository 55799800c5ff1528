import type { CloudResource, InventoryLogger } from '@cloud-inventory/core';
import {
  isCredentialError,
  paginateCursor,
  type ResourceEnrichment,
  type StepContext,
} from '@cloud-inventory/driver-kit';
import { withOracleCall } from './oracle-call-context.ts';
import type { OracleClients } from './oracle-clients.ts';
import { oracleListingError } from './oracle-errors.ts';
import { oracleNameOf, oracleResource } from './oracle-resource.ts';
import type { OracleCallRunner, OracleCompartmentTree } from './oracle-tenancy.ts';

/** One page of an OCI list call: the SDK response's items and `opc-next-page`. */
export interface OraclePage {
  /** Items of the page. */
  items: readonly object[];
  /** Token of the next page (`opc-next-page`), absent on the last one. */
  opcNextPage?: string | undefined;
}

/** What a list definition's functions receive. */
export interface OracleListAccess {
  /** SDK clients. */
  clients: OracleClients;
  /** Region the calls go to. */
  region: string;
  /** Tenancy OCID. */
  tenancyId: string;
  /** Runs one SDK call in the step's context. */
  run: OracleCallRunner;
}

/** One page request: the compartment, the page token, and the partition's extra parameters. */
export interface OraclePageRequest<Prepared> {
  /** Compartment listed. */
  compartmentId: string;
  /** Token from the previous page. */
  page: string | undefined;
  /** Page size. */
  limit: number;
  /** What `prepare` returned. */
  prepared: Prepared;
  /** The partition (availability domain) listed, when the call is per partition. */
  partition: string | undefined;
}

/** One resource type listed by one OCI list call in every compartment. */
export interface OracleListDefinition<Prepared = undefined> {
  /** Catalog service. */
  service: string;
  /** Resource type. */
  type: string;
  /** The OCI operation(s), as the failure report names them. */
  call: string;
  /** `regional`: one step per region; `global`: one step, resources in region `global`. */
  scope: 'regional' | 'global';
  /** `each`: every compartment of the tree; `tenancy`: the tenancy only (users, groups). */
  compartments: 'each' | 'tenancy';
  /** Calls made once per step before listing (namespace, availability domains). */
  prepare?: (access: OracleListAccess) => Promise<Prepared>;
  /** Partitions listed one by one in each compartment (availability domains). */
  partitions?: (prepared: Prepared) => readonly string[];
  /** Fetch one page. */
  page: (access: OracleListAccess, request: OraclePageRequest<Prepared>) => Promise<OraclePage>;
  /** Keep an item (platform images are dropped). @default every item */
  keep?: (item: object) => boolean;
  /** Id and name of an item. @default its `id` and `displayName` or `name` */
  identify?: (
    item: object,
    region: string,
    prepared: Prepared,
  ) => { id: string; name: string | undefined };
  /** Per-resource calls (GetBucket); read each through `reads.read` so a failure keeps the resource. */
  enrich?: (
    access: OracleListAccess,
    resource: CloudResource,
    reads: ResourceEnrichment,
  ) => Promise<CloudResource>;
}

/** Settings shared by every listing of a run. */
export interface OracleListingSettings {
  /** SDK clients. */
  clients: OracleClients;
  /** Account id of the cloud. */
  accountId: string;
  /** Tenancy OCID. */
  tenancyId: string;
  /** The compartment tree. */
  tree: () => Promise<OracleCompartmentTree>;
  /** Page size. */
  pageSize: number;
  /** Logger of the cloud. */
  logger: InventoryLogger;
}

/** A call runner bound to a step's signal, service and region. */
export function callRunner(
  context: Pick<StepContext, 'signal' | 'service'>,
  region: string,
  logger: InventoryLogger,
): OracleCallRunner {
  return (call) =>
    withOracleCall({ signal: context.signal, service: context.service, region, logger }, call);
}

function defaultIdentity(item: object): { id: string; name: string | undefined } {
  return { id: String((item as { id?: unknown }).id), name: oracleNameOf(item) };
}

/**
 * List one definition in one region: every compartment (and partition), every page. A compartment
 * that fails does not stop the others; once all are tried the listing fails naming them, so the
 * resources that were read are kept and nothing of the type is deleted in the region.
 */
export async function* listDefinition<Prepared>(
  definition: OracleListDefinition<Prepared>,
  callRegion: string,
  settings: OracleListingSettings,
  context: StepContext,
): AsyncGenerator<CloudResource> {
  const run = callRunner(context, callRegion, settings.logger);
  const access: OracleListAccess = {
    clients: settings.clients,
    region: callRegion,
    tenancyId: settings.tenancyId,
    run,
  };
  const tree = definition.compartments === 'each' ? await settings.tree() : undefined;
  const compartments = tree ? tree.listable : [settings.tenancyId];
  const prepared = definition.prepare ? await definition.prepare(access) : (undefined as Prepared);
  const partitions: readonly (string | undefined)[] = definition.partitions?.(prepared) ?? [
    undefined,
  ];
  const region = definition.scope === 'global' ? 'global' : callRegion;
  const identify = definition.identify ?? defaultIdentity;
  const failures: { compartmentId: string; error: unknown }[] = [];
  for (const compartmentId of compartments) {
    for (const partition of partitions) {
      const items = paginateCursor<object, OraclePage>({
        label: `${definition.call} in ${compartmentId}`,
        signal: context.signal,
        fetchPage: async ({ cursor }) => ({
          body: await definition.page(access, {
            compartmentId,
            page: cursor,
            limit: settings.pageSize,
            prepared,
            partition,
          }),
        }),
        items: (body) => body.items,
        nextCursor: (body) => body.opcNextPage,
      });
      try {
        for await (const item of items) {
          if (definition.keep && !definition.keep(item)) continue;
          const { id, name } = identify(item, callRegion, prepared);
          yield oracleResource({
            accountId: settings.accountId,
            region,
            service: definition.service,
            resourceType: definition.type,
            resourceId: id,
            name,
            item,
          });
        }
      } catch (error) {
        if (context.signal.aborted || isCredentialError(error)) throw error;
        failures.push({ compartmentId, error });
      }
    }
  }
  if (tree?.error !== undefined)
    failures.push({ compartmentId: 'the compartment tree (ListCompartments)', error: tree.error });
  if (failures.length > 0) {
    throw oracleListingError({
      call: definition.call,
      service: definition.service,
      region,
      failures,
      compartmentCount: compartments.length,
    });
  }
}
