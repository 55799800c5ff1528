import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { ownershipTags } from './mock-shared.ts';

/** Atlas ids are 24-hex ObjectIds. */
function objectId(context: MockIdentityContext): string {
  return context.uniqueHex(24);
}

/** The project (group) a resource belongs to; identities reference it, so it must not reference back. */
function groupOf(context: MockIdentityContext): string {
  return context.reference('mongodb-atlas.project', 'project')?.id ?? context.hex(24, 'group');
}

function atlasTags(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return { environment: tags.environment, team: tags.team, owner: tags.owner };
}

function tagList(tags: Record<string, string>): Array<{ key: string; value: string }> {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

const atlasRegions = ['US_EAST_1', 'EU_WEST_1', 'AP_SOUTHEAST_1'];

const project: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.project',
  description: 'Project (group) (GET /api/atlas/v2/groups)',
  weight: 1,
  driftAttributes: 1,
  volatilePaths: ['clusterCount'],
  identify: (context) => ({
    id: objectId(context),
    name: context.label(['core', 'analytics', 'mobile']),
  }),
  build: (context) => {
    const tags = atlasTags(context, 0);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        orgId: context.accountId,
        clusterCount: context.pick([0, 1, 2, 3], 'clusters'),
        created: context.pastTimestamp(1200, 'created'),
        tags: tagList(tags),
      },
      tags,
    };
  },
};

const cluster: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.cluster',
  description:
    'Cluster in the Admin API 2024-08-05 shape (GET /api/atlas/v2/groups/{groupId}/clusters)',
  weight: 2,
  driftAttributes: 4,
  volatilePaths: ['stateName'],
  identify: (context) => ({
    id: objectId(context),
    name: context.label(['cluster', 'orders', 'events']),
  }),
  build: (context) => {
    const tags = atlasTags(context, 3);
    const host = `${context.name}-shard-00`;
    const domain = `${context.hex(5, 'domain')}.mongodb.net`;
    return {
      configuration: {
        id: context.id,
        groupId: groupOf(context),
        name: context.name,
        clusterType: 'REPLICASET',
        mongoDBMajorVersion: context.pickDrifting(['7.0', '8.0'], 'version', 1),
        stateName: context.pick(['IDLE', 'IDLE', 'UPDATING'], 'state'),
        paused: false,
        backupEnabled: true,
        replicationSpecs: [
          {
            zoneName: 'Zone 1',
            regionConfigs: [
              {
                providerName: 'AWS',
                regionName: context.pick(atlasRegions, 'region'),
                priority: 7,
                electableSpecs: {
                  instanceSize: context.pickDrifting(['M10', 'M20', 'M30', 'M40'], 'size', 0),
                  nodeCount: 3,
                  diskSizeGB: context.pick([10, 40, 80], 'disk'),
                },
              },
            ],
          },
        ],
        // Atlas connection strings carry no credentials (database users authenticate separately).
        connectionStrings: {
          standard: `mongodb://${host}-00.${domain}:27017,${host}-01.${domain}:27017,${host}-02.${domain}:27017/?ssl=true&authSource=admin`,
          standardSrv: `mongodb+srv://${context.name}.${domain}`,
        },
        createDate: context.pastTimestamp(800, 'created'),
        tags: tagList(tags),
      },
      tags,
    };
  },
};

const serverless: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.serverless',
  description: 'Serverless instance (GET /api/atlas/v2/groups/{groupId}/serverless)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['stateName'],
  identify: (context) => ({
    id: objectId(context),
    name: context.label(['sls', 'edge', 'preview']),
  }),
  build: (context) => {
    const tags = atlasTags(context, 1);
    return {
      configuration: {
        id: context.id,
        groupId: groupOf(context),
        name: context.name,
        providerSettings: {
          providerName: 'SERVERLESS',
          backingProviderName: 'AWS',
          regionName: context.pick(atlasRegions, 'region'),
        },
        stateName: 'IDLE',
        connectionStrings: {
          standardSrv: `mongodb+srv://${context.name}.${context.hex(5, 'domain')}.mongodb.net`,
        },
        serverlessBackupOptions: { serverlessContinuousBackupEnabled: true },
        terminationProtectionEnabled: context.pickDrifting([false, true], 'termination', 0),
        createDate: context.pastTimestamp(400, 'created'),
        tags: tagList(tags),
      },
      tags,
    };
  },
};

const databaseUser: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.user',
  description:
    'Database user, id `group/database/username` (GET /api/atlas/v2/groups/{groupId}/databaseUsers)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => {
    const username = context.label(['svc', 'reporting', 'migration', 'app']);
    return { id: `${groupOf(context)}/admin/${username}`, name: username };
  },
  build: (context) => {
    const roles = [
      { roleName: context.pick(['readWrite', 'read', 'dbAdmin'], 'role'), databaseName: 'app' },
      ...Array.from({ length: context.drift(0) }, (_, position) => ({
        roleName: 'read',
        databaseName: `reporting_${position + 1}`,
      })),
    ];
    return {
      configuration: {
        databaseName: 'admin',
        username: context.name,
        roles,
        scopes: [],
        labels: [{ key: 'owner', value: ownershipTags(context, 1).owner }],
        awsIAMType: 'NONE',
        x509Type: 'NONE',
      },
    };
  },
};

const accessListEntry: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.accesslist',
  description:
    'IP access list entry, id `group/cidr` (GET /api/atlas/v2/groups/{groupId}/accessList)',
  weight: 2,
  driftAttributes: 1,
  identify: (context) => {
    // Unique per index up to 2^24 entries.
    const { index } = context;
    const cidr = `10.${(index >>> 16) & 255}.${(index >>> 8) & 255}.${index & 255}/32`;
    return { id: `${groupOf(context)}/${cidr}`, name: cidr };
  },
  build: (context) => ({
    configuration: {
      groupId: context.id.split('/')[0],
      cidrBlock: context.name,
      comment: context.pickDrifting(
        ['office VPN', 'CI runners', 'peered VPC', 'temporary access'],
        'comment',
        0,
      ),
    },
  }),
};

const backupSchedule: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.backup.schedule',
  description:
    'Cloud backup schedule of a cluster, id `group/clusterName` (GET .../clusters/{name}/backup/schedule)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['nextSnapshot'],
  identify: (context) => {
    const clusterName = context.label(['cluster', 'orders', 'events']);
    return { id: `${groupOf(context)}/${clusterName}`, name: clusterName };
  },
  build: (context) => {
    const target = context.reference('mongodb-atlas.cluster', 'cluster');
    return {
      configuration: {
        clusterId: target?.id ?? context.hex(24, 'cluster'),
        clusterName: context.name,
        referenceHourOfDay: context.pickDrifting([0, 3, 6, 22], 'hour', 1),
        referenceMinuteOfHour: 0,
        restoreWindowDays: 7,
        nextSnapshot: context.volatileTimestamp('next-snapshot'),
        policies: [
          {
            id: context.hex(24, 'policy'),
            policyItems: [
              {
                frequencyType: 'hourly',
                frequencyInterval: 6,
                retentionUnit: 'days',
                retentionValue: context.pickDrifting([2, 3, 7], 'retention', 0),
              },
              {
                frequencyType: 'daily',
                frequencyInterval: 1,
                retentionUnit: 'days',
                retentionValue: 7,
              },
            ],
          },
        ],
      },
    };
  },
};

const alertConfiguration: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.alert',
  description: 'Alert configuration (GET /api/atlas/v2/groups/{groupId}/alertConfigs)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['updated'],
  // Atlas echoes notification keys and webhook URLs (partially redacted): secrets.
  secretPaths: ['notifications[*].apiToken', 'notifications[*].webhookUrl'],
  identify: (context) => ({
    id: objectId(context),
    name: context.pick(
      [
        'HOST_DOWN',
        'OUTSIDE_METRIC_THRESHOLD',
        'REPLICATION_OPLOG_WINDOW_RUNNING_OUT',
        'CLUSTER_MONGOS_IS_MISSING',
      ],
      'event',
    ),
  }),
  build: (context) => ({
    configuration: {
      id: context.id,
      groupId: groupOf(context),
      eventTypeName: context.name,
      enabled: context.pickDrifting([true, false], 'enabled', 1),
      threshold: {
        operator: 'GREATER_THAN',
        threshold: context.pickDrifting([70, 80, 90], 'threshold', 0),
        units: 'RAW',
      },
      notifications: [
        {
          typeName: 'GROUP',
          intervalMin: 60,
          delayMin: 0,
          emailEnabled: true,
          smsEnabled: false,
          roles: ['GROUP_OWNER'],
        },
        {
          typeName: 'SLACK',
          intervalMin: 60,
          delayMin: 0,
          channelName: 'atlas-alerts',
          apiToken: `****************************${context.hex(4, 'slack')}`,
        },
        {
          typeName: 'WEBHOOK',
          intervalMin: 60,
          delayMin: 0,
          webhookUrl: `https://hooks.example.com/atlas/********************${context.hex(4, 'webhook')}`,
        },
      ],
      matchers: [],
      created: context.pastTimestamp(900, 'created'),
      updated: context.volatileTimestamp('updated'),
    },
  }),
};

/** MongoDB Atlas: projects, clusters, serverless instances, users, access lists, backups and alerts. */
export const mongoDbAtlasMockProvider = defineMockProvider({
  driver: 'mongodb-atlas-mock',
  provider: 'mongodb-atlas',
  aliases: ['atlas-mock'],
  defaultAccountId: '5f8c2a1b3e4d5c6b7a8f9e0d',
  regions: ['global'],
  services: [
    { name: 'projects', description: 'Projects (groups)', global: true, resourceTypes: [project] },
    { name: 'clusters', description: 'Clusters', global: true, resourceTypes: [cluster] },
    {
      name: 'serverless',
      description: 'Serverless instances',
      global: true,
      resourceTypes: [serverless],
    },
    { name: 'users', description: 'Database users', global: true, resourceTypes: [databaseUser] },
    {
      name: 'accesslists',
      description: 'IP access lists',
      global: true,
      resourceTypes: [accessListEntry],
    },
    {
      name: 'backups',
      description: 'Cloud backup schedules',
      global: true,
      resourceTypes: [backupSchedule],
    },
    {
      name: 'alerts',
      description: 'Alert configurations',
      global: true,
      resourceTypes: [alertConfiguration],
    },
  ],
});
