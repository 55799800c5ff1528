import {
  GetTopicAttributesCommand,
  ListTagsForResourceCommand as ListTopicTagsCommand,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ListQueueTagsCommand,
  paginateListQueues,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** SQS queues with every attribute (GetQueueAttributes All); tags per queue (ListQueueTags). */
export async function* listSqs(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.sqs.queue')) return;
  const client = scope.client(SQSClient);
  for await (const page of paginateListQueues({ client, pageSize: 1000 }, {}, scope.call)) {
    const queues = scope.mapConcurrent(page.QueueUrls ?? [], async (QueueUrl) => {
      const reads = scope.reads();
      const [attributes, tags] = await Promise.all([
        client.send(
          new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
          scope.call,
        ),
        reads.read('sqs:ListQueueTags', () =>
          client.send(new ListQueueTagsCommand({ QueueUrl }), scope.call),
        ),
      ]);
      return { QueueUrl, reads, attributes: attributes.Attributes ?? {}, tags: tags?.Tags ?? {} };
    });
    for await (const { QueueUrl, reads, attributes, tags } of queues) {
      const name = QueueUrl.split('/').pop();
      yield scope.resource({
        type: 'aws.sqs.queue',
        id: attributes.QueueArn ?? scope.arn('sqs', name ?? QueueUrl),
        name,
        tags,
        configuration: { QueueUrl, Attributes: attributes, Tags: tags },
        reads,
      });
    }
  }
}

/** SNS topics with their attributes (GetTopicAttributes); tags per topic (ListTagsForResource). */
export async function* listSns(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.sns.topic')) return;
  const client = scope.client(SNSClient);
  for await (const page of paginateListTopics({ client }, {}, scope.call)) {
    const topics = scope.mapConcurrent(page.Topics ?? [], async ({ TopicArn }) => {
      const reads = scope.reads();
      const [attributes, tags] = await Promise.all([
        client.send(new GetTopicAttributesCommand({ TopicArn }), scope.call),
        reads.read('sns:ListTagsForResource', () =>
          client.send(new ListTopicTagsCommand({ ResourceArn: TopicArn }), scope.call),
        ),
      ]);
      return { TopicArn, reads, attributes: attributes.Attributes ?? {}, tags: tags?.Tags ?? [] };
    });
    for await (const { TopicArn, reads, attributes, tags } of topics) {
      yield scope.resource({
        type: 'aws.sns.topic',
        id: TopicArn,
        name: TopicArn?.split(':').pop(),
        tags,
        configuration: { TopicArn, Attributes: attributes, Tags: tags },
        reads,
      });
    }
  }
}
