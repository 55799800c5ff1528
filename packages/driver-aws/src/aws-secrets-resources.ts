import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  ListTagsForResourceCommand as ListSsmTagsCommand,
  paginateDescribeParameters,
  SSMClient,
} from '@aws-sdk/client-ssm';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/**
 * Secrets Manager secrets: metadata only (ListSecrets), tags inline. The driver never calls
 * GetSecretValue: no secret value is read, stored or logged.
 */
export async function* listSecretsManager(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.secretsmanager.secret')) return;
  const client = scope.client(SecretsManagerClient);
  for await (const page of paginateListSecrets({ client, pageSize: 100 }, {}, scope.call)) {
    for (const secret of page.SecretList ?? []) {
      yield scope.resource({
        type: 'aws.secretsmanager.secret',
        id: secret.ARN,
        name: secret.Name,
        tags: secret.Tags,
        configuration: secret,
      });
    }
  }
}

/**
 * Parameter Store parameters: metadata only (DescribeParameters, never GetParameter), tags per
 * parameter (ListTagsForResource).
 */
export async function* listSsmParameters(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.ssm.parameter')) return;
  const client = scope.client(SSMClient);
  for await (const page of paginateDescribeParameters({ client, pageSize: 50 }, {}, scope.call)) {
    const parameters = scope.mapConcurrent(page.Parameters ?? [], async (parameter) => {
      const reads = scope.reads();
      const answer = await reads.read('ssm:ListTagsForResource', () =>
        client.send(
          new ListSsmTagsCommand({ ResourceType: 'Parameter', ResourceId: parameter.Name }),
          scope.call,
        ),
      );
      return { parameter, reads, tags: answer?.TagList ?? [] };
    });
    for await (const { parameter, reads, tags } of parameters) {
      const id =
        parameter.ARN ??
        scope.arn('ssm', `parameter${parameter.Name?.startsWith('/') ? '' : '/'}${parameter.Name}`);
      yield scope.resource({
        type: 'aws.ssm.parameter',
        id,
        name: parameter.Name,
        tags,
        configuration: { ...parameter, Tags: tags },
        reads,
      });
    }
  }
}
