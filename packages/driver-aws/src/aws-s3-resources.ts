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
import type { AwsScope } from './aws-scope.ts';

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
  const reads = scope.reads();
  const input = { Bucket: bucket.Name };
  const home = scope.client(S3Client);
  const location = bucket.BucketRegion
    ? undefined
    : await reads.read('s3:GetBucketLocation', () =>
        home.send(new GetBucketLocationCommand(input), scope.call),
      );
  // Unlocated (GetBucketLocation denied), the calls go to the home region; S3 may redirect them.
  const bucketRegion =
    bucket.BucketRegion ?? (location ? regionOfLocation(location.LocationConstraint) : undefined);
  // Per-bucket calls go to the bucket's own region. A bucket policy may deny any of them: the
  // bucket is kept without that part and the denial is recorded on it.
  const client = scope.client(S3Client, bucketRegion);
  const [tagging, versioning, encryption, publicAccessBlock] = await Promise.all([
    reads.read(
      's3:GetBucketTagging',
      () => client.send(new GetBucketTaggingCommand(input), scope.call),
      noTags,
    ),
    reads.read('s3:GetBucketVersioning', () =>
      client.send(new GetBucketVersioningCommand(input), scope.call),
    ),
    reads.read(
      's3:GetEncryptionConfiguration',
      () => client.send(new GetBucketEncryptionCommand(input), scope.call),
      noEncryption,
    ),
    reads.read(
      's3:GetBucketPublicAccessBlock',
      () => client.send(new GetPublicAccessBlockCommand(input), scope.call),
      noPublicAccessBlock,
    ),
  ]);
  return {
    bucket,
    reads,
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
        reads: detail.reads,
      });
    }
  }
}
