import type { CloudResource } from '@cloud-inventory/core';
import {
  collectionStep,
  type DigitalOceanListContext,
  type DigitalOceanService,
  digitalOceanResource,
  listCollection,
  regionSlug,
} from './digitalocean-list.ts';

/** A Droplet as `GET /v2/droplets` returns it (the fields the driver reads). */
interface Droplet {
  id: number;
  name?: string;
  region?: { slug?: string };
  tags?: string[];
}

/** A Kubernetes cluster as `GET /v2/kubernetes/clusters` returns it, node pools inline. */
interface KubernetesCluster {
  id: string;
  name?: string;
  region?: string;
  tags?: string[];
  node_pools?: KubernetesNodePool[];
}

/** A node pool of a cluster. */
interface KubernetesNodePool {
  id: string;
  name?: string;
  tags?: string[];
  labels?: Record<string, string> | null;
}

/** An App Platform app as `GET /v2/apps` returns it. */
interface App {
  id: string;
  spec?: { name?: string };
  region?: { slug?: string; data_centers?: string[] };
}

/** Droplets: `GET /v2/droplets`, region `region.slug`. */
export const dropletsService: DigitalOceanService = {
  name: 'droplets',
  steps: [
    collectionStep<Droplet>({
      service: 'droplets',
      path: '/droplets',
      key: 'droplets',
      resourceType: 'digitalocean.droplet',
      resource: (droplet) => ({
        region: regionSlug(droplet.region),
        resourceId: droplet.id,
        name: droplet.name,
        tags: droplet.tags,
        configuration: droplet,
      }),
    }),
  ],
};

function nodePoolResources(
  context: DigitalOceanListContext,
  cluster: KubernetesCluster,
): CloudResource[] {
  return (cluster.node_pools ?? []).map((pool) =>
    digitalOceanResource(context, {
      service: 'kubernetes',
      region: regionSlug(cluster.region),
      resourceType: 'digitalocean.kubernetes.nodepool',
      resourceId: pool.id,
      name: pool.name,
      tags: pool.tags,
      labels: pool.labels ?? {},
      configuration: pool,
      metadata: { clusterId: cluster.id, clusterName: cluster.name ?? null },
    }),
  );
}

/** Kubernetes: `GET /v2/kubernetes/clusters`; node pools come inline with each cluster (one step). */
export const kubernetesService: DigitalOceanService = {
  name: 'kubernetes',
  steps: [
    {
      resourceTypes: ['digitalocean.kubernetes.cluster', 'digitalocean.kubernetes.nodepool'],
      call: 'GET /v2/kubernetes/clusters',
      async *list(context) {
        for await (const cluster of listCollection<KubernetesCluster>(context, {
          path: '/kubernetes/clusters',
          key: 'kubernetes_clusters',
          service: 'kubernetes',
        })) {
          if (context.wants('digitalocean.kubernetes.cluster')) {
            yield digitalOceanResource(context, {
              service: 'kubernetes',
              region: regionSlug(cluster.region),
              resourceType: 'digitalocean.kubernetes.cluster',
              resourceId: cluster.id,
              name: cluster.name,
              tags: cluster.tags,
              configuration: cluster,
            });
          }
          if (context.wants('digitalocean.kubernetes.nodepool')) {
            yield* nodePoolResources(context, cluster);
          }
        }
      },
    },
  ],
};

/** Apps: `GET /v2/apps`; App Platform regions (`fra`) map to their first datacenter (`fra1`). */
export const appsService: DigitalOceanService = {
  name: 'apps',
  steps: [
    collectionStep<App>({
      service: 'apps',
      path: '/apps',
      key: 'apps',
      resourceType: 'digitalocean.app',
      resource: (app) => ({
        region: regionSlug(app.region?.data_centers?.[0]),
        resourceId: app.id,
        name: app.spec?.name,
        configuration: app,
      }),
    }),
  ],
};
