import type { CloudResource } from '@cloud-inventory/core';
import { requests } from 'oci-objectstorage';
import type { OracleListDefinition } from './oracle-listing.ts';
import { oracleResource } from './oracle-resource.ts';

const bucketDefinition: OracleListDefinition<string> = {
  service: 'objectstorage',
  type: 'oracle.objectstorage.bucket',
  call: 'GetNamespace, ListBuckets (fields=tags)',
  scope: 'regional',
  compartments: 'each',
  prepare: async ({ clients, region, run }) =>
    String((await run(() => clients.get('objectstorage', region).getNamespace({}))).value),
  page: ({ clients, region, run }, { compartmentId, page, limit, prepared }) =>
    run(() =>
      clients.get('objectstorage', region).listBuckets({
        namespaceName: prepared,
        compartmentId,
        page,
        limit,
        // Without it the summaries carry no tags.
        fields: [requests.ListBucketsRequest.Fields.Tags],
      }),
    ),
  // Bucket names are unique per namespace and region only, and summaries carry no OCID.
  identify: (bucket, region, namespace) => {
    const name = String((bucket as { name?: unknown }).name);
    return { id: `${region}/n/${namespace}/b/${name}`, name };
  },
  // The summary lacks the settings that matter (public access, versioning, encryption key).
  enrich: async ({ clients, region, run }, resource, reads) => {
    const summary = resource.configuration as { namespace: string; name: string };
    const response = await reads.read('GetBucket', () =>
      run(() =>
        clients.get('objectstorage', region).getBucket({
          namespaceName: summary.namespace,
          bucketName: summary.name,
        }),
      ),
    );
    if (!response) return resource;
    return withConfiguration(resource, { ...summary, ...response.bucket });
  },
};

function withConfiguration(resource: CloudResource, bucket: object): CloudResource {
  const rebuilt = oracleResource({
    accountId: resource.accountId ?? '',
    region: resource.region ?? 'global',
    service: resource.service ?? 'objectstorage',
    resourceType: resource.resourceType,
    resourceId: resource.resourceId,
    name: resource.name ?? undefined,
    item: bucket,
  });
  return { ...resource, tags: rebuilt.tags, configuration: rebuilt.configuration };
}

const fileSystemDefinition: OracleListDefinition<string[]> = {
  service: 'filestorage',
  type: 'oracle.filestorage.file-system',
  call: 'ListAvailabilityDomains, ListFileSystems',
  scope: 'regional',
  compartments: 'each',
  // ListFileSystems requires an availability domain: list every domain of the region.
  prepare: async ({ clients, region, run, tenancyId }) => {
    const response = await run(() =>
      clients.get('identity', region).listAvailabilityDomains({ compartmentId: tenancyId }),
    );
    return response.items.map((domain) => domain.name).filter((name): name is string => !!name);
  },
  partitions: (domains) => domains,
  page: ({ clients, region, run }, { compartmentId, page, limit, partition }) =>
    run(() =>
      clients.get('filestorage', region).listFileSystems({
        compartmentId,
        availabilityDomain: partition!,
        page,
        limit,
      }),
    ),
};

/** Object Storage buckets and File Storage file systems. */
export const oracleStorageDefinitions = [
  bucketDefinition,
  fileSystemDefinition,
] as unknown as OracleListDefinition[];
