import {
  ECRClient,
  ListTagsForResourceCommand as ListEcrTagsCommand,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitions,
} from '@aws-sdk/client-ecs';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, chunks, collect } from './aws-scope.ts';

async function listArns<Page>(
  pages: AsyncIterable<Page>,
  arnsOf: (page: Page) => string[] | undefined,
): Promise<string[]> {
  return (await collect(pages)).flatMap((page) => arnsOf(page) ?? []);
}

/** ECS clusters (100 per DescribeClusters), their services (10 per DescribeServices) and active task definitions; tags inline (`include: TAGS`). */
export async function* listEcs(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(ECSClient);
  const wantClusters = scope.selected('aws.ecs.cluster');
  const wantServices = scope.selected('aws.ecs.service');
  if (wantClusters || wantServices) {
    const clusterArns = await listArns(
      paginateListClusters({ client, pageSize: 100 }, {}, scope.call),
      (page) => page.clusterArns,
    );
    for (const batch of chunks(clusterArns, 100)) {
      if (!wantClusters) break;
      const answer = await client.send(
        new DescribeClustersCommand({
          clusters: batch,
          include: ['TAGS', 'SETTINGS', 'CONFIGURATIONS'],
        }),
        scope.call,
      );
      for (const cluster of answer.clusters ?? []) {
        yield scope.resource({
          type: 'aws.ecs.cluster',
          id: cluster.clusterArn,
          name: cluster.clusterName,
          tags: cluster.tags,
          configuration: cluster,
        });
      }
    }
    if (wantServices) {
      for (const clusterArn of clusterArns) {
        const serviceArns = await listArns(
          paginateListServices({ client, pageSize: 100 }, { cluster: clusterArn }, scope.call),
          (page) => page.serviceArns,
        );
        for (const batch of chunks(serviceArns, 10)) {
          const answer = await client.send(
            new DescribeServicesCommand({
              cluster: clusterArn,
              services: batch,
              include: ['TAGS'],
            }),
            scope.call,
          );
          for (const service of answer.services ?? []) {
            yield scope.resource({
              type: 'aws.ecs.service',
              id: service.serviceArn,
              name: service.serviceName,
              tags: service.tags,
              configuration: service,
            });
          }
        }
      }
    }
  }
  if (scope.selected('aws.ecs.task-definition')) {
    const pages = paginateListTaskDefinitions(
      { client, pageSize: 100 },
      { status: 'ACTIVE' },
      scope.call,
    );
    // NOTE: no batch describe exists: one DescribeTaskDefinition per active revision.
    const described = scope.mapConcurrent(
      await listArns(pages, (page) => page.taskDefinitionArns),
      (arn) =>
        client.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }),
          scope.call,
        ),
    );
    for await (const answer of described) {
      const definition = answer.taskDefinition;
      if (!definition) continue;
      yield scope.resource({
        type: 'aws.ecs.task-definition',
        id: definition.taskDefinitionArn,
        name: `${definition.family}:${definition.revision}`,
        tags: answer.tags,
        configuration: { ...definition, tags: answer.tags },
      });
    }
  }
}

/** ECR private repositories; tags per repository (ListTagsForResource). */
export async function* listEcr(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.ecr.repository')) return;
  const client = scope.client(ECRClient);
  const pages = paginateDescribeRepositories({ client, pageSize: 1000 }, {}, scope.call);
  for await (const page of pages) {
    const withTags = scope.mapConcurrent(page.repositories ?? [], async (repository) => {
      const reads = scope.reads();
      const answer = await reads.read('ecr:ListTagsForResource', () =>
        client.send(new ListEcrTagsCommand({ resourceArn: repository.repositoryArn }), scope.call),
      );
      return { repository, reads, tags: answer?.tags ?? [] };
    });
    for await (const { repository, reads, tags } of withTags) {
      yield scope.resource({
        type: 'aws.ecr.repository',
        id: repository.repositoryArn,
        name: repository.repositoryName,
        tags,
        configuration: { ...repository, tags },
        reads,
      });
    }
  }
}
