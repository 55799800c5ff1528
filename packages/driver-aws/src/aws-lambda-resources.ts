import { LambdaClient, ListTagsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** Lambda functions (`$LATEST` configuration); tags per function (ListTags: Lambda has no batch tag call). */
export async function* listLambda(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.lambda.function')) return;
  const client = scope.client(LambdaClient);
  for await (const page of paginateListFunctions({ client, pageSize: 50 }, {}, scope.call)) {
    const withTags = scope.mapConcurrent(page.Functions ?? [], async (lambdaFunction) => {
      const reads = scope.reads();
      const answer = await reads.read('lambda:ListTags', () =>
        client.send(new ListTagsCommand({ Resource: lambdaFunction.FunctionArn }), scope.call),
      );
      return { lambdaFunction, reads, tags: answer?.Tags ?? {} };
    });
    for await (const { lambdaFunction, reads, tags } of withTags) {
      yield scope.resource({
        type: 'aws.lambda.function',
        id: lambdaFunction.FunctionArn,
        name: lambdaFunction.FunctionName,
        tags,
        // Environment.Variables.* is a declared secret path: the engine hashes the values.
        configuration: { ...lambdaFunction, Tags: tags },
        reads,
      });
    }
  }
}
