import type { DriverCatalog } from '@cloud-inventory/core';
import { defineCatalog } from '@cloud-inventory/driver-kit';

// NOTE on secrets: Atlas never returns database user passwords (write-only) and its connection
// strings carry no credentials. What it does echo are the keys and URLs of alert notification
// channels (partially redacted, but still a secret's prefix and suffix): declared on the alert type.

/** Notification fields of an alert configuration that hold a key, a token or a secret URL. */
export const atlasAlertSecretFields = [
  'apiToken',
  'datadogApiKey',
  'microsoftTeamsWebhookUrl',
  'notificationToken',
  'opsGenieApiKey',
  'serviceKey',
  'victorOpsApiKey',
  'victorOpsRoutingKey',
  'webhookSecret',
  'webhookUrl',
] as const;

/** Fields of a third-party integration that hold a key, a token or a secret URL. */
export const atlasIntegrationSecretFields = [
  'apiKey',
  'apiToken',
  'licenseKey',
  'microsoftTeamsWebhookUrl',
  'readToken',
  'routingKey',
  'secret',
  'serviceKey',
  'url',
  'writeToken',
] as const;

/** Services of the MongoDB Atlas driver and the resource types each one yields. */
export const atlasCatalog: DriverCatalog = defineCatalog('mongodb-atlas', [
  {
    name: 'projects',
    description: 'Projects (groups) of the organization (GET /orgs/{orgId}/groups or /groups)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.project',
        description: 'A project (group)',
        volatilePaths: ['clusterCount'],
      },
    ],
  },
  {
    name: 'users',
    description: 'Database users (GET /groups/{groupId}/databaseUsers)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.user',
        description: 'A database user; id `<groupId>/<databaseName>/<username>`',
      },
    ],
  },
  {
    name: 'accesslists',
    description: 'IP access list entries (GET /groups/{groupId}/accessList)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.accesslist',
        description: 'An IP access list entry; id `<groupId>/<cidrBlock or awsSecurityGroup>`',
      },
    ],
  },
  {
    name: 'customroles',
    description: 'Custom database roles (GET /groups/{groupId}/customDBRoles/roles)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.customrole',
        description: 'A custom database role; id `<groupId>/<roleName>`',
      },
    ],
  },
  {
    name: 'alerts',
    description: 'Alert configurations (GET /groups/{groupId}/alertConfigs)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.alert',
        description: 'An alert configuration with its notification channels',
        volatilePaths: ['updated'],
        secretPaths: atlasAlertSecretFields.map((field) => `notifications[*].${field}`),
      },
    ],
  },
  {
    name: 'integrations',
    description: 'Third-party service integrations (GET /groups/{groupId}/integrations)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.integration',
        description:
          'A third-party integration (PagerDuty, Slack, Datadog, webhook, ...); id `<groupId>/<type>`',
        secretPaths: [...atlasIntegrationSecretFields],
      },
    ],
  },
  {
    name: 'events',
    description:
      'Project events since the previous run (GET /groups/{groupId}/events?minDate=...); never deleted',
    global: true,
    resourceTypes: [{ type: 'mongodb-atlas.event', description: 'A project event (audit log)' }],
  },
  {
    name: 'datalakes',
    description: 'Federated database instances (GET /groups/{groupId}/dataFederation)',
    global: true,
    resourceTypes: [
      {
        type: 'mongodb-atlas.datalake',
        description: 'A federated database instance (Data Lake); id `<groupId>/<name>`',
        volatilePaths: ['state'],
      },
    ],
  },
  {
    name: 'privateendpoints',
    description:
      'Private endpoint services per cloud provider (GET /groups/{groupId}/privateEndpoint/{AWS|AZURE|GCP}/endpointService)',
    resourceTypes: [
      {
        type: 'mongodb-atlas.privateendpoint',
        description: 'A private endpoint service with the ids of its endpoints',
        volatilePaths: ['status', 'errorMessage'],
      },
    ],
  },
  {
    name: 'networkpeering',
    description:
      'Network peering containers (GET /groups/{groupId}/containers/all) and connections (GET /groups/{groupId}/peers?providerName=...)',
    resourceTypes: [
      {
        type: 'mongodb-atlas.networkpeering.container',
        description: 'A network peering container (the Atlas VPC/VNet of one provider region)',
      },
      {
        type: 'mongodb-atlas.networkpeering.connection',
        description: 'A network peering connection',
        volatilePaths: ['statusName', 'status', 'errorStateName', 'errorState', 'errorMessage'],
      },
    ],
  },
  {
    name: 'serverless',
    description: 'Serverless instances (GET /groups/{groupId}/serverless)',
    resourceTypes: [
      {
        type: 'mongodb-atlas.serverless',
        description: 'A serverless instance',
        volatilePaths: ['stateName'],
      },
    ],
  },
  {
    name: 'flex',
    description: 'Flex clusters (GET /groups/{groupId}/flexClusters)',
    resourceTypes: [
      { type: 'mongodb-atlas.flex', description: 'A flex cluster', volatilePaths: ['stateName'] },
    ],
  },
  {
    name: 'clusters',
    description:
      'Dedicated and shared clusters (GET /groups/{groupId}/clusters), with their process arguments',
    resourceTypes: [
      {
        type: 'mongodb-atlas.cluster',
        description:
          'A cluster (M0 shared tier to dedicated); `processArgs` from GET .../clusters/{name}/processArgs',
        volatilePaths: ['stateName'],
      },
    ],
  },
  {
    name: 'backups',
    description:
      'Cloud backup snapshots and schedules of clusters with backup enabled (GET .../clusters/{name}/backup/...)',
    resourceTypes: [
      {
        type: 'mongodb-atlas.backup',
        description: 'A cloud backup snapshot (replica set or sharded cluster)',
        volatilePaths: ['status'],
      },
      {
        type: 'mongodb-atlas.backup.schedule',
        description: 'The backup schedule and policies of a cluster; id `<groupId>/<clusterName>`',
        volatilePaths: ['nextSnapshot'],
      },
    ],
  },
  {
    name: 'search',
    description: 'Atlas Search and Vector Search indexes (GET .../clusters/{name}/search/indexes)',
    resourceTypes: [
      {
        type: 'mongodb-atlas.search.index',
        description: 'An Atlas Search or Vector Search index',
        volatilePaths: [
          'status',
          'statusDetail',
          'queryable',
          'synonymMappingStatus',
          'synonymMappingStatusDetail',
        ],
      },
    ],
  },
]);
