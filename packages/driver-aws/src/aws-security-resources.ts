import {
  ACMClient,
  KeyAlgorithm,
  ListTagsForCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  paginateListUserPools,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  type KeyListEntry,
  KMSClient,
  type Tag as KmsTag,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
} from '@aws-sdk/client-kms';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, collect, once } from './aws-scope.ts';

async function describeKey(client: KMSClient, scope: AwsScope, key: KeyListEntry) {
  const { KeyMetadata: metadata } = await client.send(
    new DescribeKeyCommand({ KeyId: key.KeyId }),
    scope.call,
  );
  const reads = scope.reads();
  const customer = metadata?.KeyManager === 'CUSTOMER';
  let rotation: { KeyRotationEnabled?: boolean; RotationPeriodInDays?: number } | undefined;
  let tags: KmsTag[] | undefined = [];
  if (customer && metadata?.KeySpec === 'SYMMETRIC_DEFAULT' && metadata.Origin === 'AWS_KMS') {
    rotation = await reads.read(
      'kms:GetKeyRotationStatus',
      () => client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }), scope.call),
      ['UnsupportedOperationException', 'NotFoundException'],
    );
  }
  if (customer) {
    tags = await reads.read('kms:ListResourceTags', async () => {
      const pages = paginateListResourceTags(
        { client, pageSize: 50 },
        { KeyId: key.KeyId },
        scope.call,
      );
      return (await collect(pages)).flatMap((page) => page.Tags ?? []);
    });
  }
  return { key, metadata, rotation, tags: tags ?? [], reads };
}

/** KMS keys with their aliases and rotation status; tags per customer managed key (ListResourceTags). */
export async function* listKms(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.kms.key')) return;
  const client = scope.client(KMSClient);
  // Every alias of the region in one paginated call, read once and shared by the keys.
  const aliasesOfKeys = once(async () => {
    const aliases = new Map<string, string[]>();
    for await (const page of paginateListAliases({ client, pageSize: 100 }, {}, scope.call)) {
      for (const alias of page.Aliases ?? []) {
        if (!alias.TargetKeyId || !alias.AliasName) continue;
        aliases.set(alias.TargetKeyId, [
          ...(aliases.get(alias.TargetKeyId) ?? []),
          alias.AliasName,
        ]);
      }
    }
    return aliases;
  });
  for await (const page of paginateListKeys({ client, pageSize: 1000 }, {}, scope.call)) {
    const keys = scope.mapConcurrent(page.Keys ?? [], (key) => describeKey(client, scope, key));
    for await (const { key, metadata, rotation, tags, reads } of keys) {
      const aliases = await reads.read('kms:ListAliases', aliasesOfKeys);
      const keyAliases = key.KeyId ? (aliases?.get(key.KeyId) ?? []) : [];
      yield scope.resource({
        type: 'aws.kms.key',
        id: metadata?.Arn ?? key.KeyArn,
        name: keyAliases[0] ?? key.KeyId,
        tags,
        configuration: {
          ...metadata,
          Aliases: aliases ? keyAliases : undefined,
          KeyRotationEnabled: rotation?.KeyRotationEnabled,
          RotationPeriodInDays: rotation?.RotationPeriodInDays,
          Tags: tags,
        },
        reads,
      });
    }
  }
}

/** ACM certificates of every key type (ListCertificates alone answers RSA 2048 only); tags per certificate. */
export async function* listAcm(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.acm.certificate')) return;
  const client = scope.client(ACMClient);
  const input = { Includes: { keyTypes: Object.values(KeyAlgorithm) } };
  for await (const page of paginateListCertificates(
    { client, pageSize: 1000 },
    input,
    scope.call,
  )) {
    const certificates = scope.mapConcurrent(page.CertificateSummaryList ?? [], async (summary) => {
      const reads = scope.reads();
      const answer = await reads.read('acm:ListTagsForCertificate', () =>
        client.send(
          new ListTagsForCertificateCommand({ CertificateArn: summary.CertificateArn }),
          scope.call,
        ),
      );
      return { summary, reads, tags: answer?.Tags ?? [] };
    });
    for await (const { summary, reads, tags } of certificates) {
      yield scope.resource({
        type: 'aws.acm.certificate',
        id: summary.CertificateArn,
        name: summary.DomainName,
        tags,
        configuration: { ...summary, Tags: tags },
        reads,
      });
    }
  }
}

/** Cognito user pools (DescribeUserPool per pool); tags inline (`UserPoolTags`). */
export async function* listCognito(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.cognito.user-pool')) return;
  const client = scope.client(CognitoIdentityProviderClient);
  for await (const page of paginateListUserPools(
    { client, pageSize: 60 },
    { MaxResults: 60 },
    scope.call,
  )) {
    const pools = scope.mapConcurrent(page.UserPools ?? [], (pool) =>
      client.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }), scope.call),
    );
    for await (const { UserPool: pool } of pools) {
      if (!pool) continue;
      yield scope.resource({
        type: 'aws.cognito.user-pool',
        id: pool.Arn ?? scope.arn('cognito-idp', `userpool/${pool.Id}`),
        name: pool.Name,
        tags: pool.UserPoolTags,
        configuration: pool,
      });
    }
  }
}
