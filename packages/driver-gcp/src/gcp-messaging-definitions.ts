import { pagedDefinition } from './gcp-paged-listing.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListingDefinition,
  gcpResource,
  projectPath,
} from './gcp-resource.ts';
import { listApiLocations } from './gcp-security-definitions.ts';

/** Pub/Sub topics and subscriptions, Cloud DNS zones and record sets, Artifact Registry repositories. */
export const gcpMessagingDefinitions: GcpListingDefinition[] = [
  pagedDefinition({
    service: 'pubsub',
    api: 'pubsub',
    method: 'pubsub.projects.topics.list',
    permission: 'pubsub.topics.list',
    placement: 'global',
    path: (context) => `/v1/${projectPath(context.project)}/topics`,
    itemsKey: 'topics',
    region: () => 'global',
    types: [{ type: 'gcp.pubsub.topic', description: 'Pub/Sub topic (projects.topics.list)' }],
  }),
  pagedDefinition({
    service: 'pubsub',
    api: 'pubsub',
    method: 'pubsub.projects.subscriptions.list',
    permission: 'pubsub.subscriptions.list',
    placement: 'global',
    path: (context) => `/v1/${projectPath(context.project)}/subscriptions`,
    itemsKey: 'subscriptions',
    region: () => 'global',
    types: [
      {
        type: 'gcp.pubsub.subscription',
        description: 'Pub/Sub subscription (projects.subscriptions.list)',
        volatilePaths: ['state'],
      },
    ],
  }),
  pagedDefinition({
    service: 'dns',
    api: 'dns',
    method: 'dns.managedZones.list',
    permission: 'dns.managedZones.list',
    placement: 'global',
    path: (context) => `/dns/v1/${projectPath(context.project)}/managedZones`,
    itemsKey: 'managedZones',
    pageSizeParam: 'maxResults',
    id: (item, context) =>
      fullResourceName('dns', `projects/${context.project}/managedZones/${String(item.name)}`),
    name: (item) => item.name,
    region: () => 'global',
    types: [
      { type: 'gcp.dns.managed-zone', description: 'Cloud DNS managed zone (managedZones.list)' },
    ],
  }),
  {
    service: 'dns',
    api: 'dns',
    method: 'dns.resourceRecordSets.list',
    permission: 'dns.resourceRecordSets.list',
    placement: 'global',
    types: [
      {
        type: 'gcp.dns.record-set',
        description:
          'Cloud DNS record set (managedZones.list, then resourceRecordSets.list per zone)',
      },
    ],
    list: async function* (context) {
      const base = `/dns/v1/${projectPath(context.project)}/managedZones`;
      const zones = context.client.list<GcpItem>({
        api: 'dns',
        path: base,
        itemsKey: 'managedZones',
        pageSizeParam: 'maxResults',
        project: context.project,
        service: context.service,
        signal: context.signal,
      });
      for await (const zone of zones) {
        const zoneName = String(zone.name);
        const recordSets = context.client.list<GcpItem>({
          api: 'dns',
          path: `${base}/${encodeURIComponent(zoneName)}/rrsets`,
          itemsKey: 'rrsets',
          pageSizeParam: 'maxResults',
          project: context.project,
          service: context.service,
          signal: context.signal,
        });
        for await (const recordSet of recordSets) {
          yield gcpResource({
            context,
            type: 'gcp.dns.record-set',
            id: fullResourceName(
              'dns',
              `projects/${context.project}/managedZones/${zoneName}/rrsets/${String(recordSet.name)}/${String(recordSet.type)}`,
            ),
            name: `${String(recordSet.name)} ${String(recordSet.type)}`,
            region: 'global',
            configuration: { ...recordSet, managedZone: zoneName },
          });
        }
      }
    },
  },
  {
    service: 'artifactregistry',
    api: 'artifactregistry',
    method: 'artifactregistry.projects.locations.repositories.list',
    permission: 'artifactregistry.repositories.list',
    placement: 'regional',
    types: [
      {
        type: 'gcp.artifactregistry.repository',
        description:
          'Artifact Registry repository (locations.list, then repositories.list per location)',
        volatilePaths: ['updateTime', 'sizeBytes'],
      },
    ],
    list: async function* (context) {
      for await (const location of listApiLocations(context, 'artifactregistry')) {
        const repositories = context.client.list<GcpItem>({
          api: 'artifactregistry',
          path: `/v1/${location.name}/repositories`,
          itemsKey: 'repositories',
          project: context.project,
          service: context.service,
          signal: context.signal,
        });
        for await (const repository of repositories) {
          yield gcpResource({
            context,
            type: 'gcp.artifactregistry.repository',
            id: fullResourceName('artifactregistry', String(repository.name)),
            name: String(repository.name).split('/').at(-1),
            region: location.region,
            configuration: repository,
            labels: repository.labels,
          });
        }
      }
    },
  },
];
