import { paginateCursor } from '@cloud-inventory/driver-kit';
import { type models, requests } from 'oci-identity';
import type { OracleClient, OracleClients } from './oracle-clients.ts';

/** Runs one SDK call in the driver's call context (signal, region, logger). */
export type OracleCallRunner = <Result>(call: () => Promise<Result>) => Promise<Result>;

/** The compartments a listing covers. */
export interface OracleCompartmentTree {
  /** The root: the tenancy or `config.compartmentId`. */
  rootId: string;
  /** Compartments under the root, in every state but DELETED (the `oracle.identity.compartment` resources). */
  compartments: models.Compartment[];
  /** The root and every ACTIVE compartment under it: where resources are listed. */
  listable: string[];
  /** Why the tree is incomplete (ListCompartments failed): listings then cover the root only and fail. */
  error?: unknown;
}

/** Names of the regions the tenancy subscribes to (status READY), and its home region. */
export async function listSubscribedRegions(options: {
  clients: OracleClients;
  region: string;
  tenancyId: string;
  run: OracleCallRunner;
}): Promise<{ regions: string[]; home: string | undefined }> {
  const identity = options.clients.get('identity', options.region);
  const response = await options.run(() =>
    identity.listRegionSubscriptions({ tenancyId: options.tenancyId }),
  );
  const ready = response.items.filter((subscription) => subscription.status === 'READY');
  return {
    regions: ready.map((subscription) => subscription.regionName),
    home: ready.find((subscription) => subscription.isHomeRegion)?.regionName,
  };
}

async function listChildren(options: {
  identity: OracleClient<'identity'>;
  compartmentId: string;
  subtree: boolean;
  pageSize: number;
  run: OracleCallRunner;
  signal: AbortSignal;
}): Promise<models.Compartment[]> {
  const found: models.Compartment[] = [];
  const pages = paginateCursor<
    models.Compartment,
    { items: models.Compartment[]; opcNextPage?: string }
  >({
    label: 'ListCompartments',
    signal: options.signal,
    fetchPage: async ({ cursor }) => ({
      body: await options.run(() =>
        options.identity.listCompartments({
          compartmentId: options.compartmentId,
          compartmentIdInSubtree: options.subtree,
          accessLevel: requests.ListCompartmentsRequest.AccessLevel.Any,
          limit: options.pageSize,
          ...(cursor ? { page: cursor } : {}),
        }),
      ),
    }),
    items: (body) => body.items,
    nextCursor: (body) => body.opcNextPage,
  });
  for await (const compartment of pages) found.push(compartment);
  return found;
}

/**
 * The compartment tree under the root: one subtree listing from the tenancy, or a walk level by
 * level from another compartment (the API lists a subtree only from the tenancy). A failure is
 * kept in `error`, not thrown, so every listing can report what it could not cover.
 */
export async function discoverCompartments(options: {
  clients: OracleClients;
  region: string;
  tenancyId: string;
  rootId: string;
  pageSize: number;
  run: OracleCallRunner;
  signal: AbortSignal;
}): Promise<OracleCompartmentTree> {
  const identity = options.clients.get('identity', options.region);
  const common = { identity, pageSize: options.pageSize, run: options.run, signal: options.signal };
  const compartments: models.Compartment[] = [];
  try {
    if (options.rootId === options.tenancyId) {
      compartments.push(
        ...(await listChildren({ ...common, compartmentId: options.rootId, subtree: true })),
      );
    } else {
      let level = [options.rootId];
      while (level.length > 0) {
        const next: string[] = [];
        for (const parent of level) {
          const children = await listChildren({ ...common, compartmentId: parent, subtree: false });
          compartments.push(...children);
          next.push(
            ...children
              .filter((child) => child.lifecycleState === 'ACTIVE')
              .map((child) => child.id),
          );
        }
        level = next;
      }
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    return { rootId: options.rootId, compartments: [], listable: [options.rootId], error };
  }
  const kept = compartments.filter((compartment) => compartment.lifecycleState !== 'DELETED');
  const active = kept.filter((compartment) => compartment.lifecycleState === 'ACTIVE');
  return {
    rootId: options.rootId,
    compartments: kept,
    listable: [options.rootId, ...active.map((compartment) => compartment.id)],
  };
}
