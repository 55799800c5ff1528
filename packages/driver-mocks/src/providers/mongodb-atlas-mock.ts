import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { fakePassword, ownershipTags } from './mock-shared.ts';

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
        created: context.pastTimestamp(1200, 'created'),
        tags: tagList(tags),
      },
      tags,
    };
  },
};

const cluster: MockResourceTypeDefinition = {
  type: 'mongodb-atlas.cluster',
  description: 'Cluster with its connection strings (GET /api/atlas/v2/groups/{groupId}/clusters)',
  weight: 2,
  driftAttributes: 4,
  secretPaths: ['connectionStrings.standard'],
  identify: (context) => ({
    id: objectId(context),
    name: context.label(['cluster', 'orders', 'events']),
  }),
  build: (context) => {
    const tags = atlasTags(context, 3);
    const host = `${context.name}-shard-00`;
    const domain = `${context.hex(5, 'domain')}.mongodb.net`;
    const password = fakePassword(context, 'connection', 2);
    return {
      configuration: {
        id: context.id,
        groupId: groupOf(context),
        name: context.name,
        clusterType: 'REPLICASET',
        mongoDBMajorVersion: context.pickDrifting(['7.0', '8.0'], 'version', 1),
        stateName: 'IDLE',
        paused: false,
        backupEnabled: true,
        diskSizeGB: context.pick([10, 40, 80], 'disk'),
        providerSettings: {
          providerName: 'AWS',
          regionName: context.pick(atlasRegions, 'region'),
          instanceSizeName: context.pickDrifting(['M10', 'M20', 'M30', 'M40'], 'size', 0),
        },
        replicationSpecs: [
          {
            numShards: 1,
            zoneName: 'Zone 1',
            regionConfigs: [{ electableSpecs: { nodeCount: 3 }, priority: 7 }],
          },
        ],
        connectionStrings: {
          // NOTE: a fixture with credentials in the URI; declared as a secret path.
          standard: `mongodb://atlasAdmin:${password}@${host}-00.${domain}:27017,${host}-01.${domain}:27017,${host}-02.${domain}:27017/?ssl=true&authSource=admin`,
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
        groupId: context.id.split('/')[0],
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
  type: 'mongodb-atlas.backup',
  description: 'Cloud backup schedule of a cluster (GET .../clusters/{name}/backup/schedule)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['nextSnapshot'],
  identify: (context) => ({
    id: objectId(context),
    name: `${context.label(['cluster', 'orders', 'events'])}-backup`,
  }),
  build: (context) => {
    const target = context.reference('mongodb-atlas.cluster', 'cluster');
    return {
      configuration: {
        id: context.id,
        clusterId: target?.id ?? null,
        clusterName: target?.name ?? null,
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
      ],
      matchers: [],
      created: context.pastTimestamp(900, 'created'),
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
