import type { GcpApi } from './gcp-endpoints.ts';
import { regionOfLocation } from './gcp-locations.ts';
import { pagedDefinition } from './gcp-paged-listing.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListContext,
  type GcpListingDefinition,
  gcpResource,
  projectPath,
} from './gcp-resource.ts';

/** One location of an API, with the inventory region its resources are recorded in. */
export interface GcpApiLocation {
  /** `projects/p/locations/us-central1`. */
  name: string;
  /** Inventory region (`global` for multi-regions). */
  region: string;
}

/**
 * The locations an API serves the project in (`projects.locations.list`), keeping the selected
 * regions and every location that is not a region (`global`, `us`, `europe`, `nam4`).
 */
export async function* listApiLocations(
  context: GcpListContext,
  api: GcpApi,
): AsyncGenerator<GcpApiLocation> {
  const locations = context.client.list<GcpItem>({
    api,
    path: `/v1/${projectPath(context.project)}/locations`,
    itemsKey: 'locations',
    project: context.project,
    service: context.service,
    signal: context.signal,
  });
  for await (const location of locations) {
    const id = String(location.locationId ?? String(location.name).split('/').at(-1));
    const region = regionOfLocation(id, context.regions);
    if (!context.keepsRegion(region)) continue;
    yield { name: `${projectPath(context.project)}/locations/${encodeURIComponent(id)}`, region };
  }
}

/** Key rings of every kept Cloud KMS location. */
async function* listKeyRings(
  context: GcpListContext,
): AsyncGenerator<{ keyRing: GcpItem; region: string }> {
  for await (const location of listApiLocations(context, 'cloudkms')) {
    const keyRings = context.client.list<GcpItem>({
      api: 'cloudkms',
      path: `/v1/${location.name}/keyRings`,
      itemsKey: 'keyRings',
      project: context.project,
      service: context.service,
      signal: context.signal,
    });
    for await (const keyRing of keyRings) yield { keyRing, region: location.region };
  }
}

const kmsLocationsNote = '(locations.list, then keyRings.list per location)';

/** IAM service accounts, Cloud KMS key rings and keys, Secret Manager secrets (metadata only). */
export const gcpSecurityDefinitions: GcpListingDefinition[] = [
  pagedDefinition({
    service: 'iam',
    api: 'iam',
    method: 'iam.projects.serviceAccounts.list',
    permission: 'iam.serviceAccounts.list',
    placement: 'global',
    path: (context) => `/v1/${projectPath(context.project)}/serviceAccounts`,
    itemsKey: 'accounts',
    name: (item) => item.email,
    region: () => 'global',
    types: [
      {
        type: 'gcp.iam.service-account',
        description: 'IAM service account (projects.serviceAccounts.list); no keys',
        volatilePaths: ['etag'],
      },
    ],
  }),
  {
    service: 'kms',
    api: 'cloudkms',
    method: 'cloudkms.projects.locations.keyRings.list',
    permission: 'cloudkms.keyRings.list',
    placement: 'regional',
    types: [{ type: 'gcp.kms.keyring', description: `Cloud KMS key ring ${kmsLocationsNote}` }],
    list: async function* (context) {
      for await (const { keyRing, region } of listKeyRings(context)) {
        yield gcpResource({
          context,
          type: 'gcp.kms.keyring',
          id: fullResourceName('cloudkms', String(keyRing.name)),
          name: String(keyRing.name).split('/').at(-1),
          region,
          configuration: keyRing,
        });
      }
    },
  },
  {
    service: 'kms',
    api: 'cloudkms',
    method: 'cloudkms.projects.locations.keyRings.cryptoKeys.list',
    permission: 'cloudkms.cryptoKeys.list',
    placement: 'regional',
    types: [
      {
        type: 'gcp.kms.cryptokey',
        description:
          "Cloud KMS key with its primary version's metadata (locations.list, keyRings.list, then cryptoKeys.list per key ring)",
        volatilePaths: ['nextRotationTime'],
      },
    ],
    list: async function* (context) {
      for await (const { keyRing, region } of listKeyRings(context)) {
        const keys = context.client.list<GcpItem>({
          api: 'cloudkms',
          path: `/v1/${String(keyRing.name)}/cryptoKeys`,
          itemsKey: 'cryptoKeys',
          project: context.project,
          service: context.service,
          signal: context.signal,
        });
        for await (const key of keys) {
          yield gcpResource({
            context,
            type: 'gcp.kms.cryptokey',
            id: fullResourceName('cloudkms', String(key.name)),
            name: String(key.name).split('/').at(-1),
            region,
            configuration: key,
            labels: key.labels,
          });
        }
      }
    },
  },
  pagedDefinition({
    service: 'secretmanager',
    api: 'secretmanager',
    method: 'secretmanager.projects.secrets.list',
    permission: 'secretmanager.secrets.list',
    placement: 'global',
    path: (context) => `/v1/${projectPath(context.project)}/secrets`,
    itemsKey: 'secrets',
    region: () => 'global',
    types: [
      {
        type: 'gcp.secretmanager.secret',
        description:
          "Secret Manager secret: metadata only (projects.secrets.list); versions' payloads are never read",
        volatilePaths: ['etag'],
      },
    ],
  }),
];
