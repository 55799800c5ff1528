import { lastSegment, regionOfLocation } from './gcp-locations.ts';
import { pagedDefinition } from './gcp-paged-listing.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListingDefinition,
  projectPath,
} from './gcp-resource.ts';

/** `regional-us-central1` (a Spanner instance config) → `us-central1`. */
function spannerLocation(config: unknown): string | undefined {
  return lastSegment(config)?.replace(/^regional-/, '');
}

/** Cloud Storage, Cloud SQL, BigQuery. */
export const gcpDataDefinitions: GcpListingDefinition[] = [
  pagedDefinition({
    service: 'storage',
    api: 'storage',
    method: 'storage.buckets.list',
    permission: 'storage.buckets.list',
    placement: 'regional',
    path: () => '/storage/v1/b',
    query: (context) => ({ project: context.project }),
    itemsKey: 'items',
    pageSizeParam: 'maxResults',
    id: (item) => fullResourceName('storage', `projects/_/buckets/${String(item.name)}`),
    name: (item) => item.name,
    region: (item, context) => regionOfLocation(item.location, context.regions),
    types: [
      {
        type: 'gcp.storage.bucket',
        description:
          'Cloud Storage bucket (buckets.list); multi- and dual-region buckets are `global`',
        volatilePaths: ['updated', 'etag', 'metageneration'],
      },
    ],
  }),
  pagedDefinition({
    service: 'sql',
    api: 'sqladmin',
    method: 'sql.instances.list',
    permission: 'cloudsql.instances.list',
    placement: 'regional',
    path: (context) => `/sql/v1beta4/${projectPath(context.project)}/instances`,
    itemsKey: 'items',
    pageSizeParam: 'maxResults',
    id: (item, context) =>
      fullResourceName('cloudsql', `projects/${context.project}/instances/${String(item.name)}`),
    name: (item) => item.name,
    region: (item, context) => regionOfLocation(item.region, context.regions),
    labels: (item) => item.settings?.userLabels,
    types: [
      {
        type: 'gcp.sql.instance',
        description: 'Cloud SQL instance (v1beta4 instances.list, every page)',
        volatilePaths: ['state', 'etag', 'settings.settingsVersion', 'gceZone', 'secondaryGceZone'],
      },
    ],
  }),
  pagedDefinition({
    service: 'bigquery',
    api: 'bigquery',
    method: 'bigquery.datasets.list + bigquery.datasets.get',
    permission: 'bigquery.datasets.get',
    placement: 'regional',
    path: (context) => `/bigquery/v2/${projectPath(context.project)}/datasets`,
    query: { all: 'true' },
    itemsKey: 'datasets',
    pageSizeParam: 'maxResults',
    id: (item, context) =>
      fullResourceName(
        'bigquery',
        `projects/${context.project}/datasets/${String(item.datasetReference?.datasetId)}`,
      ),
    name: (item) => item.datasetReference?.datasetId,
    region: (item, context) => regionOfLocation(item.location, context.regions),
    // The list gives a summary; datasets.get gives the dataset (access entries, defaults, options).
    enrich: async (resource, reads, context) => {
      const summary = resource.configuration as GcpItem;
      const datasetId = String(summary.datasetReference?.datasetId);
      const dataset = await reads.read('bigquery.datasets.get', () =>
        context.client.get<GcpItem>({
          api: 'bigquery',
          path: `/bigquery/v2/${projectPath(context.project)}/datasets/${encodeURIComponent(datasetId)}`,
          project: context.project,
          service: context.service,
          signal: context.signal,
        }),
      );
      if (!dataset) return resource;
      return { ...resource, configuration: dataset, labels: { ...(dataset.labels ?? {}) } };
    },
    types: [
      {
        type: 'gcp.bigquery.dataset',
        description:
          'BigQuery dataset (datasets.list, then datasets.get for the full dataset with its access entries)',
        volatilePaths: ['lastModifiedTime', 'etag'],
      },
    ],
  }),
  pagedDefinition({
    service: 'spanner',
    api: 'spanner',
    method: 'spanner.projects.instances.list',
    permission: 'spanner.instances.list',
    placement: 'regional',
    path: (context) => `/v1/${projectPath(context.project)}/instances`,
    itemsKey: 'instances',
    unreachableKey: 'unreachable',
    region: (item, context) => regionOfLocation(spannerLocation(item.config), context.regions),
    types: [
      {
        type: 'gcp.spanner.instance',
        description:
          'Spanner instance (projects.instances.list); multi-region configs are `global`',
        volatilePaths: ['state', 'updateTime'],
      },
    ],
  }),
  pagedDefinition({
    service: 'bigtable',
    api: 'bigtableadmin',
    method: 'bigtableadmin.projects.instances.list',
    permission: 'bigtable.instances.list',
    placement: 'global',
    path: (context) => `/v2/${projectPath(context.project)}/instances`,
    itemsKey: 'instances',
    pageSizeParam: null,
    unreachableKey: 'failedLocations',
    region: () => 'global',
    types: [
      {
        type: 'gcp.bigtable.instance',
        description: 'Bigtable instance (projects.instances.list; its clusters hold the zones)',
        volatilePaths: ['state'],
      },
    ],
  }),
];
