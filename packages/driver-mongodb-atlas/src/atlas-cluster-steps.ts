import type { ListStep } from '@cloud-inventory/driver-kit';
import {
  type AtlasCallContext,
  type AtlasPage,
  atlasApiPrefix,
  atlasGet,
  collect,
  listAtlasPages,
  segment,
} from './atlas-api.ts';
import type { AtlasItem } from './atlas-project-lists.ts';
import { clusterRegion } from './atlas-regions.ts';
import { type AtlasProjectContext, atlasResource, textField } from './atlas-resources.ts';
import { type AtlasStepInput, type AtlasSyncSettings, isSelected } from './atlas-step-context.ts';

/** A cluster as `GET /groups/{groupId}/clusters` (2024-08-05) returns it. */
export interface AtlasCluster extends AtlasItem {
  /** Cluster id. */
  id?: string;
  /** Cluster name (the path segment of its child calls). */
  name?: string;
  /** `REPLICASET`, `SHARDED` or `GEOSHARDED`. */
  clusterType?: string;
  /** Cloud Backup is on (M10+). */
  backupEnabled?: boolean;
  /** Where the cluster runs. */
  replicationSpecs?: Array<{
    regionConfigs?: Array<{ regionName?: string; priority?: number; providerName?: string }>;
  }>;
}

/** A listed cluster with its region, kept by the region filter. */
interface KeptCluster {
  cluster: AtlasCluster;
  name: string;
  region: string | undefined;
}

/**
 * The clusters of one project, listed once and shared by the clusters, backups and search steps:
 * when the list fails, every step that needs it fails (nothing of theirs is deleted).
 */
export class AtlasProjectClusters {
  /** The project. */
  readonly context: AtlasProjectContext;
  readonly #settings: AtlasSyncSettings;
  #clusters: Promise<KeptCluster[]> | undefined;

  constructor(settings: AtlasSyncSettings, context: AtlasProjectContext) {
    this.#settings = settings;
    this.context = context;
  }

  /** The project's clusters in the selected regions. */
  list(signal: AbortSignal): Promise<KeptCluster[]> {
    this.#clusters ??= this.#fetch(signal);
    return this.#clusters;
  }

  async #fetch(signal: AbortSignal): Promise<KeptCluster[]> {
    const settings = this.#settings;
    const context = this.context;
    const clusters = await collect(
      listAtlasPages<AtlasCluster>(
        { client: settings.client, service: 'clusters', signal },
        {
          call: 'clusters',
          path: `/groups/${context.project.id}/clusters`,
          itemsPerPage: settings.itemsPerPage,
        },
      ),
    );
    const kept: KeptCluster[] = [];
    for (const cluster of clusters) {
      const name = textField(cluster, 'name');
      if (!name) continue;
      const region = clusterRegion(cluster);
      if (region && !settings.regions.keep(region)) continue;
      kept.push({ cluster, name, region });
    }
    return kept;
  }
}

/** True for M0 (and former M2/M5) clusters: their region config's provider is TENANT or FLEX. */
export function isSharedTier(cluster: AtlasCluster): boolean {
  return (cluster.replicationSpecs ?? []).some((spec) =>
    (spec.regionConfigs ?? []).some(
      (config) => config.providerName === 'TENANT' || config.providerName === 'FLEX',
    ),
  );
}

function clusterPath(groupId: string, name: string, rest: string): string {
  return `/groups/${groupId}/clusters/${segment(name)}${rest}`;
}

const clustersCall = `GET ${atlasApiPrefix}/groups/{groupId}/clusters`;
/** The process-arguments read, named once for every cluster (not per project and cluster). */
const processArgsCall = `${clustersCall}/{clusterName}/processArgs`;

function clustersStep(settings: AtlasSyncSettings, projects: AtlasProjectClusters[]): ListStep {
  return {
    service: 'clusters',
    resourceTypes: ['mongodb-atlas.cluster'],
    call: clustersCall,
    coversRegions: () => settings.regions.covered(),
    list: async function* ({ signal }) {
      for (const clusters of projects) {
        const { context } = clusters;
        for (const { cluster, name, region } of await clusters.list(signal)) {
          yield atlasResource({
            context,
            service: 'clusters',
            resourceType: 'mongodb-atlas.cluster',
            resourceId: textField(cluster, 'id') ?? `${context.project.id}/${name}`,
            name,
            region,
            configuration: cluster,
            tags: cluster.tags,
            labels: cluster.labels,
          });
        }
      }
    },
    // Process arguments (oplog size, TLS, default write concern) are part of the cluster's setup.
    enrich: async (resource, reads, { signal }) => {
      // NOTE: shared-tier clusters (M0, former M2/M5: provider TENANT or FLEX) have no process arguments.
      if (isSharedTier(resource.configuration as AtlasCluster)) return resource;
      const name = resource.name ?? '';
      const groupId = String(resource.metadata?.projectId ?? '');
      const path = clusterPath(groupId, name, '/processArgs');
      const processArgs = await reads.read(processArgsCall, () =>
        atlasGet<AtlasItem>(
          { client: settings.client, service: 'clusters', signal },
          'processArgs',
          path,
        ),
      );
      if (processArgs === undefined) return resource;
      return {
        ...resource,
        configuration: { ...(resource.configuration as AtlasItem), processArgs },
      };
    },
  };
}

async function clusterSnapshots(
  callContext: AtlasCallContext,
  groupId: string,
  kept: KeptCluster,
  itemsPerPage: number,
): Promise<AtlasItem[]> {
  const sharded =
    kept.cluster.clusterType === 'SHARDED' || kept.cluster.clusterType === 'GEOSHARDED';
  if (sharded) {
    const page = await atlasGet<AtlasPage<AtlasItem>>(
      callContext,
      'shardedSnapshots',
      clusterPath(groupId, kept.name, '/backup/snapshots/shardedClusters'),
    );
    return page?.results ?? [];
  }
  return collect(
    listAtlasPages<AtlasItem>(callContext, {
      call: 'snapshots',
      path: clusterPath(groupId, kept.name, '/backup/snapshots'),
      itemsPerPage,
    }),
  );
}

function snapshotsStep(settings: AtlasSyncSettings, projects: AtlasProjectClusters[]): ListStep {
  return {
    service: 'backups',
    resourceTypes: ['mongodb-atlas.backup'],
    call: `${clustersCall}, GET ${atlasApiPrefix}/groups/{groupId}/clusters/{clusterName}/backup/snapshots[/shardedClusters]`,
    coversRegions: () => settings.regions.covered(),
    list: async function* ({ signal }) {
      const callContext = { client: settings.client, service: 'backups', signal };
      for (const { context, kept } of await backedUp(projects, signal)) {
        const snapshots = await clusterSnapshots(
          callContext,
          context.project.id,
          kept,
          settings.itemsPerPage,
        );
        for (const snapshot of snapshots) {
          const id = textField(snapshot, 'id');
          if (!id) continue;
          yield atlasResource({
            context,
            service: 'backups',
            resourceType: 'mongodb-atlas.backup',
            resourceId: id,
            name: `${kept.name} ${textField(snapshot, 'createdAt') ?? id}`,
            region: kept.region,
            configuration: snapshot,
            metadata: { clusterName: kept.name },
          });
        }
      }
    },
  };
}

/** The clusters with Cloud Backup on (M10+), with their project. */
async function backedUp(
  projects: AtlasProjectClusters[],
  signal: AbortSignal,
): Promise<Array<{ context: AtlasProjectContext; kept: KeptCluster }>> {
  const found: Array<{ context: AtlasProjectContext; kept: KeptCluster }> = [];
  for (const clusters of projects) {
    for (const kept of await clusters.list(signal)) {
      if (kept.cluster.backupEnabled === true) found.push({ context: clusters.context, kept });
    }
  }
  return found;
}

function schedulesStep(settings: AtlasSyncSettings, projects: AtlasProjectClusters[]): ListStep {
  return {
    service: 'backups',
    resourceTypes: ['mongodb-atlas.backup.schedule'],
    call: `${clustersCall}, GET ${atlasApiPrefix}/groups/{groupId}/clusters/{clusterName}/backup/schedule`,
    coversRegions: () => settings.regions.covered(),
    list: async function* ({ signal }) {
      const callContext = { client: settings.client, service: 'backups', signal };
      for (const { context, kept } of await backedUp(projects, signal)) {
        const groupId = context.project.id;
        const schedule = await atlasGet<AtlasItem>(
          callContext,
          'backupSchedule',
          clusterPath(groupId, kept.name, '/backup/schedule'),
        );
        yield atlasResource({
          context,
          service: 'backups',
          resourceType: 'mongodb-atlas.backup.schedule',
          resourceId: `${groupId}/${kept.name}`,
          name: kept.name,
          region: kept.region,
          configuration: schedule,
          metadata: { clusterName: kept.name },
        });
      }
    },
  };
}

function searchStep(settings: AtlasSyncSettings, projects: AtlasProjectClusters[]): ListStep {
  return {
    service: 'search',
    resourceTypes: ['mongodb-atlas.search.index'],
    call: `${clustersCall}, GET ${atlasApiPrefix}/groups/{groupId}/clusters/{clusterName}/search/indexes`,
    coversRegions: () => settings.regions.covered(),
    list: async function* ({ signal }) {
      const callContext = { client: settings.client, service: 'search', signal };
      for (const clusters of projects) {
        const { context } = clusters;
        for (const kept of await clusters.list(signal)) {
          const indexes = await atlasGet<AtlasItem[] | null>(
            callContext,
            'searchIndexes',
            clusterPath(context.project.id, kept.name, '/search/indexes'),
          );
          for (const index of indexes ?? []) {
            const id = textField(index, 'indexID');
            if (!id) continue;
            yield atlasResource({
              context,
              service: 'search',
              resourceType: 'mongodb-atlas.search.index',
              resourceId: id,
              name: textField(index, 'name'),
              region: kept.region,
              configuration: index,
              metadata: { clusterName: kept.name },
            });
          }
        }
      }
    },
  };
}

/** The steps of the cluster types the filters keep, sharing one cluster listing per project. */
export function clusterSteps(input: AtlasStepInput): ListStep[] {
  const { settings } = input;
  const projects = input.contexts.map((context) => new AtlasProjectClusters(settings, context));
  const selected = (service: string, type: string) => isSelected(settings, service, type);
  const steps: ListStep[] = [];
  if (selected('clusters', 'mongodb-atlas.cluster')) steps.push(clustersStep(settings, projects));
  if (selected('backups', 'mongodb-atlas.backup')) steps.push(snapshotsStep(settings, projects));
  if (selected('backups', 'mongodb-atlas.backup.schedule')) {
    steps.push(schedulesStep(settings, projects));
  }
  if (selected('search', 'mongodb-atlas.search.index')) steps.push(searchStep(settings, projects));
  return steps;
}
