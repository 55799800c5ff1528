import {
  EventBridgeClient,
  ListEventBusesCommand,
  ListTagsForResourceCommand as ListEventTagsCommand,
  ListRulesCommand,
} from '@aws-sdk/client-eventbridge';
import {
  DescribeStreamSummaryCommand,
  KinesisClient,
  type Tag as KinesisTag,
  ListTagsForStreamCommand,
  paginateListStreams,
} from '@aws-sdk/client-kinesis';
import {
  DescribeStateMachineCommand,
  ListTagsForResourceCommand as ListStateMachineTagsCommand,
  paginateListStateMachines,
  SFNClient,
} from '@aws-sdk/client-sfn';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, collect, tokenPages } from './aws-scope.ts';

/** EventBridge event buses and the rules of every bus; tags per bus and rule (ListTagsForResource). */
export async function* listEventBridge(scope: AwsScope): AsyncGenerator<CloudResource> {
  const wantBuses = scope.selected('aws.eventbridge.event-bus');
  const wantRules = scope.selected('aws.eventbridge.rule');
  if (!wantBuses && !wantRules) return;
  const client = scope.client(EventBridgeClient);
  const tagsOf = async (arn: string | undefined) => {
    const reads = scope.reads();
    const answer = arn
      ? await reads.read('events:ListTagsForResource', () =>
          client.send(new ListEventTagsCommand({ ResourceARN: arn }), scope.call),
        )
      : undefined;
    return { reads, tags: answer?.Tags ?? [] };
  };
  // NOTE: the EventBridge SDK ships no paginators; both list calls page with NextToken.
  const busPages = tokenPages(
    (NextToken) => client.send(new ListEventBusesCommand({ NextToken, Limit: 100 }), scope.call),
    (page) => page.NextToken,
    (page) => page.EventBuses?.length ?? 0,
  );
  const buses = (await collect(busPages)).flatMap((page) => page.EventBuses ?? []);
  if (wantBuses) {
    const withTags = scope.mapConcurrent(buses, async (bus) => ({
      bus,
      ...(await tagsOf(bus.Arn)),
    }));
    for await (const { bus, reads, tags } of withTags) {
      yield scope.resource({
        type: 'aws.eventbridge.event-bus',
        id: bus.Arn,
        name: bus.Name,
        tags,
        configuration: { ...bus, Tags: tags },
        reads,
      });
    }
  }
  if (!wantRules) return;
  for (const bus of buses) {
    const rulePages = tokenPages(
      (NextToken) =>
        client.send(
          new ListRulesCommand({ EventBusName: bus.Name, NextToken, Limit: 100 }),
          scope.call,
        ),
      (page) => page.NextToken,
      (page) => page.Rules?.length ?? 0,
    );
    for await (const page of rulePages) {
      const withTags = scope.mapConcurrent(page.Rules ?? [], async (rule) => ({
        rule,
        ...(await tagsOf(rule.Arn)),
      }));
      for await (const { rule, reads, tags } of withTags) {
        yield scope.resource({
          type: 'aws.eventbridge.rule',
          id: rule.Arn,
          name: rule.Name,
          tags,
          configuration: { ...rule, Tags: tags },
          reads,
        });
      }
    }
  }
}

/** Step Functions state machines with their definitions (DescribeStateMachine); tags per machine. */
export async function* listStepFunctions(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.stepfunctions.state-machine')) return;
  const client = scope.client(SFNClient);
  for await (const page of paginateListStateMachines({ client, pageSize: 1000 }, {}, scope.call)) {
    const machines = scope.mapConcurrent(page.stateMachines ?? [], async (summary) => {
      const reads = scope.reads();
      const [machine, tags] = await Promise.all([
        client.send(
          new DescribeStateMachineCommand({ stateMachineArn: summary.stateMachineArn }),
          scope.call,
        ),
        reads.read('states:ListTagsForResource', () =>
          client.send(
            new ListStateMachineTagsCommand({ resourceArn: summary.stateMachineArn }),
            scope.call,
          ),
        ),
      ]);
      return { summary, machine, reads, tags: tags?.tags ?? [] };
    });
    for await (const { summary, machine, reads, tags } of machines) {
      const { $metadata: _metadata, ...description } = machine;
      yield scope.resource({
        type: 'aws.stepfunctions.state-machine',
        id: summary.stateMachineArn,
        name: summary.name,
        tags,
        configuration: { ...description, tags },
        reads,
      });
    }
  }
}

async function kinesisTags(client: KinesisClient, scope: AwsScope, StreamName: string) {
  const tags: KinesisTag[] = [];
  let ExclusiveStartTagKey: string | undefined;
  for (;;) {
    const answer = await client.send(
      new ListTagsForStreamCommand({ StreamName, ExclusiveStartTagKey, Limit: 50 }),
      scope.call,
    );
    const page = answer.Tags ?? [];
    tags.push(...page);
    const last = page.at(-1)?.Key;
    if (!answer.HasMoreTags || !last || last === ExclusiveStartTagKey) return tags;
    ExclusiveStartTagKey = last;
  }
}

/** Kinesis data streams (DescribeStreamSummary per stream); tags per stream (ListTagsForStream). */
export async function* listKinesis(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.kinesis.stream')) return;
  const client = scope.client(KinesisClient);
  for await (const page of paginateListStreams({ client, pageSize: 100 }, {}, scope.call)) {
    const streams = scope.mapConcurrent(page.StreamNames ?? [], async (StreamName) => {
      const reads = scope.reads();
      const [summary, tags] = await Promise.all([
        client.send(new DescribeStreamSummaryCommand({ StreamName }), scope.call),
        reads.read('kinesis:ListTagsForStream', () => kinesisTags(client, scope, StreamName)),
      ]);
      return { StreamName, reads, stream: summary.StreamDescriptionSummary, tags: tags ?? [] };
    });
    for await (const { StreamName, reads, stream, tags } of streams) {
      yield scope.resource({
        type: 'aws.kinesis.stream',
        id: stream?.StreamARN ?? scope.arn('kinesis', `stream/${StreamName}`),
        name: StreamName,
        tags,
        configuration: { ...stream, Tags: tags },
        reads,
      });
    }
  }
}
