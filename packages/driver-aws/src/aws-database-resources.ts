import {
  DescribeTableCommand,
  DynamoDBClient,
  type Tag as DynamoDbTag,
  ListTagsOfResourceCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import {
  ElastiCacheClient,
  ListTagsForResourceCommand as ListElastiCacheTagsCommand,
  paginateDescribeCacheClusters,
} from '@aws-sdk/client-elasticache';
import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** RDS DB instances and DB clusters (Aurora, Multi-AZ clusters, Neptune, DocumentDB); tags inline (`TagList`). */
export async function* listRds(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(RDSClient);
  if (scope.selected('aws.rds.instance')) {
    for await (const page of paginateDescribeDBInstances(
      { client, pageSize: 100 },
      {},
      scope.call,
    )) {
      for (const instance of page.DBInstances ?? []) {
        yield scope.resource({
          type: 'aws.rds.instance',
          id: instance.DBInstanceArn,
          name: instance.DBInstanceIdentifier,
          tags: instance.TagList,
          configuration: instance,
        });
      }
    }
  }
  if (scope.selected('aws.rds.cluster')) {
    for await (const page of paginateDescribeDBClusters(
      { client, pageSize: 100 },
      {},
      scope.call,
    )) {
      for (const cluster of page.DBClusters ?? []) {
        yield scope.resource({
          type: 'aws.rds.cluster',
          id: cluster.DBClusterArn,
          name: cluster.DBClusterIdentifier,
          tags: cluster.TagList,
          configuration: cluster,
        });
      }
    }
  }
}

async function dynamoDbTags(
  client: DynamoDBClient,
  scope: AwsScope,
  arn: string,
): Promise<DynamoDbTag[]> {
  const tags: DynamoDbTag[] = [];
  let token: string | undefined;
  // NOTE: ListTagsOfResource pages with NextToken but the SDK ships no paginator for it.
  do {
    const answer = await client.send(
      new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: token }),
      scope.call,
    );
    tags.push(...(answer.Tags ?? []));
    token = answer.NextToken && answer.NextToken !== token ? answer.NextToken : undefined;
  } while (token);
  return tags;
}

/** DynamoDB tables (DescribeTable per table); tags per table (ListTagsOfResource). */
export async function* listDynamoDb(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.dynamodb.table')) return;
  const client = scope.client(DynamoDBClient);
  for await (const page of paginateListTables({ client, pageSize: 100 }, {}, scope.call)) {
    const tables = scope.mapConcurrent(page.TableNames ?? [], async (TableName) => {
      const { Table: table } = await client.send(
        new DescribeTableCommand({ TableName }),
        scope.call,
      );
      const reads = scope.reads();
      const arn = table?.TableArn;
      const tags = arn
        ? await reads.read('dynamodb:ListTagsOfResource', () => dynamoDbTags(client, scope, arn))
        : [];
      return { table, reads, tags: tags ?? [] };
    });
    for await (const { table, reads, tags } of tables) {
      if (!table) continue;
      yield scope.resource({
        type: 'aws.dynamodb.table',
        id: table.TableArn,
        name: table.TableName,
        tags,
        configuration: { ...table, Tags: tags },
        reads,
      });
    }
  }
}

/** ElastiCache cache clusters (with node details); tags per cluster (ListTagsForResource). */
export async function* listElastiCache(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.elasticache.cluster')) return;
  const client = scope.client(ElastiCacheClient);
  const pages = paginateDescribeCacheClusters(
    { client, pageSize: 100 },
    { ShowCacheNodeInfo: true },
    scope.call,
  );
  for await (const page of pages) {
    const withTags = scope.mapConcurrent(page.CacheClusters ?? [], async (cluster) => {
      const reads = scope.reads();
      const arn = cluster.ARN;
      const answer = arn
        ? await reads.read('elasticache:ListTagsForResource', () =>
            client.send(new ListElastiCacheTagsCommand({ ResourceName: arn }), scope.call),
          )
        : undefined;
      return { cluster, reads, tags: answer?.TagList ?? [] };
    });
    for await (const { cluster, reads, tags } of withTags) {
      yield scope.resource({
        type: 'aws.elasticache.cluster',
        id: cluster.ARN ?? scope.arn('elasticache', `cluster:${cluster.CacheClusterId}`),
        name: cluster.CacheClusterId,
        tags,
        configuration: { ...cluster, Tags: tags },
        reads,
      });
    }
  }
}
