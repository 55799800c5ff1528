import {
  type Bucket,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import type { CloudResource } from '@cloud-inventory/core';
import { classifyAwsError } from './aws-errors.ts';
import { type AwsScope, optional } from './aws-scope.ts';

// Error codes meaning "this bucket has no such configuration".
const noTags = ['NoSuchTagSet', 'NoSuchTagSetError'];
const noEncryption = ['ServerSideEncryptionConfigurationNotFoundError'];
const noPublicAccessBlock = ['NoSuchPublicAccessBlockConfiguration'];

// GetBucketLocation answers no constraint for us-east-1 and the legacy `EU` for eu-west-1.
function regionOfLocation(location: string | undefined): string {
  if (!location) return 'us-east-1';
  return location === 'EU' ? 'eu-west-1' : location;
}

async function bucketDetails(scope: AwsScope, bucket: Bucket & { Name: string }) {
  const home = scope.client(S3Client);
  const bucketRegion =
    bucket.BucketRegion ??
    regionOfLocation(
      (await home.send(new GetBucketLocationCommand({ Bucket: bucket.Name }), scope.call))
        .LocationConstraint,
    );
  // Per-bucket calls go to the bucket's own region.
  const client = scope.client(S3Client, bucketRegion);
  const input = { Bucket: bucket.Name };
  const unreadable: string[] = [];
  // A bucket policy may deny one reader call: keep the bucket, leave that part out, say so.
  const read = async <Result>(
    part: string,
    call: () => Promise<Result>,
    notFound: string[],
  ): Promise<Result | undefined> => {
    try {
      return await optional(call, notFound);
    } catch (error) {
      if (classifyAwsError(error) !== 'auth') throw error;
      unreadable.push(part);
      scope.logger.warn('aws s3: a bucket configuration could not be read', {
        bucket: bucket.Name,
        part,
      });
      return undefined;
    }
  };
  const [tagging, versioning, encryption, publicAccessBlock] = await Promise.all([
    read('Tags', () => client.send(new GetBucketTaggingCommand(input), scope.call), noTags),
    read('Versioning', () => client.send(new GetBucketVersioningCommand(input), scope.call), []),
    read(
      'ServerSideEncryptionConfiguration',
      () => client.send(new GetBucketEncryptionCommand(input), scope.call),
      noEncryption,
    ),
    read(
      'PublicAccessBlockConfiguration',
      () => client.send(new GetPublicAccessBlockCommand(input), scope.call),
      noPublicAccessBlock,
    ),
  ]);
  return {
    bucket,
    bucketRegion,
    tags: tagging?.TagSet ?? [],
    configuration: {
      ...bucket,
      BucketRegion: bucketRegion,
      Tags: tagging?.TagSet ?? [],
      // A bucket that never had versioning answers no Status at all: kept as AWS says it.
      Versioning: versioning
        ? { Status: versioning.Status, MFADelete: versioning.MFADelete }
        : undefined,
      ServerSideEncryptionConfiguration: encryption?.ServerSideEncryptionConfiguration,
      PublicAccessBlockConfiguration: publicAccessBlock?.PublicAccessBlockConfiguration,
      ...(unreadable.length > 0 ? { Unreadable: unreadable } : {}),
    },
  };
}

/**
 * S3 buckets, listed once (region `global`, the bucket's region in `BucketRegion`), each with its
 * tags, versioning, default encryption and public access block read in the bucket's region.
 */
export async function* listS3(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.s3.bucket')) return;
  const client = scope.client(S3Client);
  for await (const page of paginateListBuckets({ client, pageSize: 1000 }, {}, scope.call)) {
    const buckets = (page.Buckets ?? []).filter((bucket): bucket is Bucket & { Name: string } =>
      Boolean(bucket.Name),
    );
    for await (const detail of scope.mapConcurrent(buckets, (bucket) =>
      bucketDetails(scope, bucket),
    )) {
      yield scope.resource({
        type: 'aws.s3.bucket',
        id: detail.bucket.BucketArn ?? `arn:${scope.partition}:s3:::${detail.bucket.Name}`,
        name: detail.bucket.Name,
        tags: detail.tags,
        configuration: detail.configuration,
      });
    }
  }
}
