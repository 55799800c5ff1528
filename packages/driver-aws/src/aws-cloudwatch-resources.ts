import {
  CloudWatchClient,
  ListTagsForResourceCommand as ListAlarmTagsCommand,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  ListTagsForResourceCommand as ListLogGroupTagsCommand,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** CloudWatch metric and composite alarms; tags per alarm (ListTagsForResource). */
export async function* listCloudWatch(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.cloudwatch.alarm')) return;
  const client = scope.client(CloudWatchClient);
  const input = {
    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] as ('MetricAlarm' | 'CompositeAlarm')[],
  };
  for await (const page of paginateDescribeAlarms({ client, pageSize: 100 }, input, scope.call)) {
    const alarms = [
      ...(page.MetricAlarms ?? []).map((alarm) => ({ alarm, alarmType: 'MetricAlarm' })),
      ...(page.CompositeAlarms ?? []).map((alarm) => ({ alarm, alarmType: 'CompositeAlarm' })),
    ];
    const withTags = scope.mapConcurrent(alarms, async (entry) => {
      const reads = scope.reads();
      const answer = await reads.read('cloudwatch:ListTagsForResource', () =>
        client.send(new ListAlarmTagsCommand({ ResourceARN: entry.alarm.AlarmArn }), scope.call),
      );
      return { ...entry, reads, tags: answer?.Tags ?? [] };
    });
    for await (const { alarm, alarmType, reads, tags } of withTags) {
      yield scope.resource({
        type: 'aws.cloudwatch.alarm',
        id: alarm.AlarmArn,
        name: alarm.AlarmName,
        tags,
        configuration: { ...alarm, AlarmType: alarmType, Tags: tags },
        reads,
      });
    }
  }
}

/** CloudWatch Logs log groups; tags per group (ListTagsForResource). */
export async function* listLogs(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.logs.log-group')) return;
  const client = scope.client(CloudWatchLogsClient);
  for await (const page of paginateDescribeLogGroups({ client, pageSize: 50 }, {}, scope.call)) {
    const groups = scope.mapConcurrent(page.logGroups ?? [], async (group) => {
      // `arn` ends in `:*`; the tagging call wants the ARN without it (`logGroupArn`).
      const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, '');
      const reads = scope.reads();
      const answer = arn
        ? await reads.read('logs:ListTagsForResource', () =>
            client.send(new ListLogGroupTagsCommand({ resourceArn: arn }), scope.call),
          )
        : undefined;
      return { group, arn, reads, tags: answer?.tags ?? {} };
    });
    for await (const { group, arn, reads, tags } of groups) {
      yield scope.resource({
        type: 'aws.logs.log-group',
        id: arn ?? scope.arn('logs', `log-group:${group.logGroupName}`),
        name: group.logGroupName,
        tags,
        configuration: { ...group, tags },
        reads,
      });
    }
  }
}
