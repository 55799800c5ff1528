import {
  defineMockProvider,
  type MockBuildContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { fakePassword, ownershipTags, privateIp, publicIp } from './mock-shared.ts';

function gcpLabels(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return {
    environment: tags.environment,
    team: tags.team,
    'cost-center': tags.costCenter,
    owner: tags.owner,
  };
}

function zoneOf(context: MockBuildContext): string {
  return `${context.region}-${context.pick(['a', 'b', 'c'], 'zone')}`;
}

function numericId(context: MockBuildContext): string {
  return `${Number.parseInt(context.uniqueHex(8), 16)}${String(context.integer(0, 999_999_999, 'numeric-id')).padStart(9, '0')}`;
}

const computeInstance: MockResourceTypeDefinition = {
  type: 'gcp.compute.instance',
  description: 'Compute Engine instance (instances.aggregatedList)',
  weight: 4,
  driftAttributes: 3,
  secretPaths: ['metadata.items[*].value'],
  identify: (context) => {
    const name = context.label(['web', 'api', 'worker', 'etl']);
    const zone = `${context.region}-${context.pick(['a', 'b', 'c'], 'zone')}`;
    return {
      id: `//compute.googleapis.com/projects/${context.accountId}/zones/${zone}/instances/${name}`,
      name,
    };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    const zone = zoneOf(context);
    const project = `https://www.googleapis.com/compute/v1/projects/${context.accountId}`;
    const networkTags = [
      'allow-health-checks',
      ...Array.from({ length: context.drift(2) }, (_, position) => `extra-tag-${position + 1}`),
    ];
    return {
      configuration: {
        id: numericId(context),
        name: context.name,
        zone: `${project}/zones/${zone}`,
        machineType: `${project}/zones/${zone}/machineTypes/${context.pickDrifting(['e2-small', 'e2-medium', 'n2-standard-2', 'n2-standard-4', 'c3-standard-4'], 'machine-type', 0)}`,
        status: context.random('status') < 0.9 ? 'RUNNING' : 'TERMINATED',
        creationTimestamp: context.pastTimestamp(500, 'created'),
        canIpForward: false,
        deletionProtection: context.random('protection') < 0.3,
        networkInterfaces: [
          {
            network: `${project}/global/networks/default`,
            subnetwork: `${project}/regions/${context.region}/subnetworks/default`,
            networkIP: privateIp(context),
            accessConfigs:
              context.random('external') < 0.5
                ? [{ type: 'ONE_TO_ONE_NAT', natIP: publicIp(context) }]
                : [],
          },
        ],
        disks: [
          {
            boot: true,
            autoDelete: true,
            deviceName: context.name,
            type: 'PERSISTENT',
            mode: 'READ_WRITE',
          },
        ],
        serviceAccounts: [
          {
            email: `${labels.team}-sa@${context.accountId}.iam.gserviceaccount.com`,
            scopes: ['https://www.googleapis.com/auth/cloud-platform'],
          },
        ],
        scheduling: { automaticRestart: true, onHostMaintenance: 'MIGRATE', preemptible: false },
        tags: { items: networkTags },
        labels,
        metadata: {
          items: [
            { key: 'enable-oslogin', value: 'TRUE' },
            // NOTE: startup scripts often embed credentials; declared as a secret path.
            {
              key: 'startup-script',
              value: `#!/bin/bash\nexport APP_DB_PASSWORD='${fakePassword(context, 'startup')}'\nsystemctl start app`,
            },
          ],
        },
      },
      labels,
    };
  },
};

const computeDisk: MockResourceTypeDefinition = {
  type: 'gcp.compute.disk',
  description: 'Persistent disk (disks.aggregatedList)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => {
    const name = `${context.label(['data', 'boot', 'scratch'])}-disk`;
    const zone = `${context.region}-${context.pick(['a', 'b', 'c'], 'zone')}`;
    return {
      id: `//compute.googleapis.com/projects/${context.accountId}/zones/${zone}/disks/${name}`,
      name,
    };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    const zone = zoneOf(context);
    return {
      configuration: {
        id: numericId(context),
        name: context.name,
        zone: `https://www.googleapis.com/compute/v1/projects/${context.accountId}/zones/${zone}`,
        sizeGb: String(context.pick([10, 50, 100, 500], 'size') + 50 * context.drift(0)),
        type: context.pick(['pd-balanced', 'pd-ssd', 'pd-standard'], 'disk-type'),
        status: 'READY',
        creationTimestamp: context.pastTimestamp(500, 'created'),
        labels,
      },
      labels,
    };
  },
};

const gkeCluster: MockResourceTypeDefinition = {
  type: 'gcp.container.cluster',
  description: 'GKE cluster with its node pools (projects.locations.clusters.list, locations/-)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = `${context.label(['prod', 'staging', 'batch'])}-gke`;
    return {
      id: `//container.googleapis.com/projects/${context.accountId}/locations/${context.region}/clusters/${name}`,
      name,
    };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    const version = context.pickDrifting(
      ['1.29.1-gke.1589020', '1.30.2-gke.1587003'],
      'version',
      0,
    );
    return {
      configuration: {
        name: context.name,
        location: context.region,
        status: 'RUNNING',
        currentMasterVersion: version,
        currentNodeVersion: version,
        releaseChannel: { channel: context.pick(['REGULAR', 'STABLE'], 'channel') },
        network: 'default',
        subnetwork: 'default',
        resourceLabels: labels,
        nodePools: [
          {
            name: 'default-pool',
            version,
            config: { machineType: 'e2-standard-4', diskSizeGb: 100, resourceLabels: labels },
            autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 3 + context.drift(1) },
            status: 'RUNNING',
          },
        ],
        createTime: context.pastTimestamp(400, 'created'),
      },
      labels,
    };
  },
};

const storageBucket: MockResourceTypeDefinition = {
  type: 'gcp.storage.bucket',
  description: 'Cloud Storage bucket (buckets.list)',
  weight: 2,
  driftAttributes: 3,
  identify: (context) => {
    const name = `${context.accountId}-${context.pick(['assets', 'logs', 'backups', 'exports'], 'bucket')}-${context.uniqueHex(6)}`;
    return { id: `//storage.googleapis.com/projects/_/buckets/${name}`, name };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    return {
      configuration: {
        kind: 'storage#bucket',
        id: context.name,
        name: context.name,
        projectNumber: String(context.integer(100_000_000_000, 999_999_999_999, 'project-number')),
        location: context.pick(['US', 'EU', 'ASIA'], 'location'),
        locationType: 'multi-region',
        storageClass: context.pickDrifting(
          ['STANDARD', 'NEARLINE', 'COLDLINE'],
          'storage-class',
          0,
        ),
        versioning: { enabled: context.pickDrifting([true, false], 'versioning', 2) },
        iamConfiguration: {
          uniformBucketLevelAccess: { enabled: true },
          publicAccessPrevention: 'enforced',
        },
        timeCreated: context.pastTimestamp(900, 'created'),
        labels,
      },
      labels,
    };
  },
};

const sqlInstance: MockResourceTypeDefinition = {
  type: 'gcp.sql.instance',
  description: 'Cloud SQL instance (instances.list)',
  weight: 1,
  driftAttributes: 3,
  identify: (context) => {
    const name = context.label(['orders-pg', 'users-mysql', 'ledger-pg']);
    return {
      id: `//cloudsql.googleapis.com/projects/${context.accountId}/instances/${name}`,
      name,
    };
  },
  build: (context) => {
    const labels = gcpLabels(context, 2);
    return {
      configuration: {
        kind: 'sql#instance',
        name: context.name,
        connectionName: `${context.accountId}:${context.region}:${context.name}`,
        project: context.accountId,
        region: context.region,
        databaseVersion: context.name.includes('mysql') ? 'MYSQL_8_0' : 'POSTGRES_16',
        state: 'RUNNABLE',
        backendType: 'SECOND_GEN',
        ipAddresses: [{ type: 'PRIVATE', ipAddress: privateIp(context) }],
        settings: {
          tier: context.pickDrifting(
            ['db-custom-2-7680', 'db-custom-4-15360', 'db-custom-8-30720'],
            'tier',
            0,
          ),
          availabilityType: context.pick(['ZONAL', 'REGIONAL'], 'availability'),
          dataDiskSizeGb: String(context.pick([20, 100, 250], 'disk') + 10 * context.drift(1)),
          dataDiskType: 'PD_SSD',
          backupConfiguration: {
            enabled: true,
            startTime: '03:00',
            pointInTimeRecoveryEnabled: true,
          },
          ipConfiguration: { ipv4Enabled: false, requireSsl: true },
          userLabels: labels,
        },
        createTime: context.pastTimestamp(700, 'created'),
      },
      labels,
    };
  },
};

const pubsubTopic: MockResourceTypeDefinition = {
  type: 'gcp.pubsub.topic',
  description: 'Pub/Sub topic (topics.list)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = context.label(['orders', 'events', 'audit', 'notifications']);
    return { id: `//pubsub.googleapis.com/projects/${context.accountId}/topics/${name}`, name };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    return {
      configuration: {
        name: context.id,
        messageRetentionDuration: context.pickDrifting(
          ['86400s', '604800s', '2678400s'],
          'retention',
          0,
        ),
        messageStoragePolicy: { allowedPersistenceRegions: ['us-central1', 'europe-west1'] },
        labels,
      },
      labels,
    };
  },
};

const pubsubSubscription: MockResourceTypeDefinition = {
  type: 'gcp.pubsub.subscription',
  description: 'Pub/Sub subscription (subscriptions.list) with backlog metrics',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['metrics.numUndeliveredMessages', 'metrics.oldestUnackedMessageAge'],
  identify: (context) => {
    const name = `${context.label(['billing', 'search-indexer', 'mailer', 'analytics'])}-sub`;
    return {
      id: `//pubsub.googleapis.com/projects/${context.accountId}/subscriptions/${name}`,
      name,
    };
  },
  build: (context) => {
    const labels = gcpLabels(context, 1);
    const topic = context.reference('gcp.pubsub.topic', 'topic');
    return {
      configuration: {
        name: context.id,
        topic: topic?.id ?? `projects/${context.accountId}/topics/default`,
        ackDeadlineSeconds: context.pickDrifting([10, 30, 60, 600], 'ack-deadline', 0),
        messageRetentionDuration: '604800s',
        expirationPolicy: { ttl: '2678400s' },
        state: 'ACTIVE',
        labels,
        metrics: {
          numUndeliveredMessages: context.volatileGauge(100_000, 'undelivered'),
          oldestUnackedMessageAge: `${context.volatileGauge(3_600, 'oldest')}s`,
        },
      },
      labels,
    };
  },
};

const serviceAccount: MockResourceTypeDefinition = {
  type: 'gcp.iam.service-account',
  description: 'IAM service account (serviceAccounts.list)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = context.label(['deployer', 'runtime', 'reader', 'etl']);
    return {
      id: `//iam.googleapis.com/projects/${context.accountId}/serviceAccounts/${name}@${context.accountId}.iam.gserviceaccount.com`,
      name,
    };
  },
  build: (context) => ({
    configuration: {
      name: context.id,
      projectId: context.accountId,
      uniqueId: numericId(context),
      email: `${context.name}@${context.accountId}.iam.gserviceaccount.com`,
      displayName: context.pickDrifting(
        ['Deployer', 'Runtime identity', 'Read only', 'ETL jobs'],
        'display-name',
        0,
      ),
      description: `Managed by ${context.pickDrifting(['terraform', 'pulumi', 'console'], 'managed-by', 1)}`,
      disabled: false,
    },
  }),
};

const firewall: MockResourceTypeDefinition = {
  type: 'gcp.vpc.firewall',
  description: 'VPC firewall rule (firewalls.list)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = `allow-${context.label(['https', 'ssh', 'internal', 'health'])}`;
    return {
      id: `//compute.googleapis.com/projects/${context.accountId}/global/firewalls/${name}`,
      name,
    };
  },
  build: (context) => {
    const ports = [
      '443',
      ...Array.from({ length: context.drift(0) }, (_, position) => String(8000 + position)),
    ];
    return {
      configuration: {
        id: numericId(context),
        name: context.name,
        network: `https://www.googleapis.com/compute/v1/projects/${context.accountId}/global/networks/default`,
        direction: 'INGRESS',
        priority: 1000,
        allowed: [{ IPProtocol: 'tcp', ports }],
        sourceRanges: [
          context.pickDrifting(['0.0.0.0/0', '10.0.0.0/8', '35.191.0.0/16'], 'source', 1),
        ],
        targetTags: ['allow-health-checks'],
        disabled: false,
        creationTimestamp: context.pastTimestamp(800, 'created'),
      },
    };
  },
};

/** Google Cloud: Compute Engine, Cloud Storage, Cloud SQL, Pub/Sub, IAM and VPC firewalls. */
export const gcpMockProvider = defineMockProvider({
  driver: 'gcp-mock',
  provider: 'gcp',
  aliases: [],
  defaultAccountId: 'inventory-demo-381204',
  regions: ['us-central1', 'europe-west1', 'asia-east1'],
  services: [
    {
      name: 'compute',
      description: 'Compute Engine',
      resourceTypes: [computeInstance, computeDisk],
    },
    { name: 'gke', description: 'Google Kubernetes Engine', resourceTypes: [gkeCluster] },
    { name: 'storage', description: 'Cloud Storage', global: true, resourceTypes: [storageBucket] },
    { name: 'sql', description: 'Cloud SQL', resourceTypes: [sqlInstance] },
    {
      name: 'pubsub',
      description: 'Pub/Sub',
      global: true,
      resourceTypes: [pubsubTopic, pubsubSubscription],
    },
    {
      name: 'iam',
      description: 'IAM service accounts',
      global: true,
      resourceTypes: [serviceAccount],
    },
    { name: 'vpc', description: 'VPC networking', global: true, resourceTypes: [firewall] },
  ],
});
