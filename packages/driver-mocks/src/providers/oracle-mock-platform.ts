import type { MockResourceTypeDefinition } from '../mock-provider-definition.ts';
import { compartmentOf, freeformTags, ocid } from './oracle-mock-helpers.ts';

/** OKE cluster, shaped like ListClusters' ClusterSummary. */
export const kubernetesCluster: MockResourceTypeDefinition = {
  type: 'oracle.kubernetes.cluster',
  description: 'OKE cluster (ListClusters)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['lifecycleState', 'availableKubernetesUpgrades'],
  identify: (context) => ({
    id: ocid(context, 'cluster'),
    name: `oke-${context.label(['prod', 'stage', 'tools'])}`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        compartmentId: compartmentOf(context),
        vcnId: ocid(context, 'vcn'),
        kubernetesVersion: context.pickDrifting(['v1.30.1', 'v1.31.1', 'v1.32.1'], 'version', 0),
        endpointConfig: { isPublicIpEnabled: context.pickDrifting([false, true], 'public', 1) },
        type: 'ENHANCED_CLUSTER',
        availableKubernetesUpgrades: ['v1.33.1'],
        lifecycleState: 'ACTIVE',
        metadata: { timeCreated: context.pastTimestamp(400, 'created') },
        freeformTags: tags,
      },
      tags,
    };
  },
};

/** Autonomous Database, shaped like ListAutonomousDatabases' summary. */
export const autonomousDatabase: MockResourceTypeDefinition = {
  type: 'oracle.database.autonomous-database',
  description: 'Autonomous Database (ListAutonomousDatabases)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['lifecycleState', 'usedDataStorageSizeInTBs'],
  identify: (context) => ({
    id: ocid(context, 'autonomousdatabase'),
    name: `adb-${context.label(['orders', 'billing', 'analytics'])}`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        id: context.id,
        displayName: context.name,
        dbName: context.name.replace(/[^a-zA-Z0-9]/g, '').slice(0, 14),
        compartmentId: compartmentOf(context),
        dbWorkload: context.pick(['OLTP', 'DW'], 'workload'),
        computeModel: 'ECPU',
        computeCount: context.pickDrifting([2, 4, 8], 'ecpus', 0),
        dataStorageSizeInTBs: 1,
        isAutoScalingEnabled: context.pickDrifting([true, false], 'autoscaling', 1),
        usedDataStorageSizeInTBs: context.volatileGauge(1, 'used'),
        lifecycleState: 'AVAILABLE',
        timeCreated: context.pastTimestamp(600, 'created'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

/** IAM user of the tenancy, shaped like ListUsers' User. */
export const identityUser: MockResourceTypeDefinition = {
  type: 'oracle.identity.user',
  description: 'User of the tenancy (ListUsers)',
  weight: 1,
  driftAttributes: 2,
  volatilePaths: ['lastSuccessfulLoginTime'],
  identify: (context) => ({
    id: ocid(context, 'user'),
    name: `${context.label(['alice', 'bob', 'carol', 'dave'])}@example.com`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        id: context.id,
        compartmentId: context.accountId,
        name: context.name,
        description: `User ${context.name}`,
        email: context.name,
        lifecycleState: 'ACTIVE',
        isMfaActivated: context.pickDrifting([true, false], 'mfa', 0),
        capabilities: {
          canUseConsolePassword: true,
          canUseApiKeys: context.pickDrifting([true, false], 'api-keys', 1),
        },
        timeCreated: context.pastTimestamp(1200, 'created'),
        lastSuccessfulLoginTime: context.pastTimestamp(30, 'login'),
        freeformTags: tags,
      },
      tags,
    };
  },
};
