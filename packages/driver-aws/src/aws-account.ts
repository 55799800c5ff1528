import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from './aws-clients.ts';
import { partitionOfRegion } from './aws-driver-options.ts';

/** Who the credentials belong to. */
export interface AwsCallerIdentity {
  /** Account id. */
  accountId: string;
  /** Partition of the caller's ARN. */
  partition: string;
  /** The caller's ARN (user, role session...). */
  arn?: string;
}

/** Ask STS who the credentials belong to (checks them at the same time). */
export async function getCallerIdentity(
  clients: AwsClientFactory,
  region: string,
  signal?: AbortSignal,
): Promise<AwsCallerIdentity> {
  const sts = clients.get(STSClient, region, 'sts');
  const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  const partition = identity.Arn?.split(':')[1] ?? partitionOfRegion(region);
  return {
    accountId: identity.Account ?? '',
    partition,
    ...(identity.Arn ? { arn: identity.Arn } : {}),
  };
}

/** Regions enabled for the account (opted in or not requiring opt-in), sorted. */
export async function discoverRegions(
  clients: AwsClientFactory,
  region: string,
  signal?: AbortSignal,
): Promise<string[]> {
  // Its own client: a throttled discovery call must not slow the EC2 scope of that region down.
  const ec2 = clients.get(EC2Client, region, 'ec2', 'region-discovery');
  const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }), {
    abortSignal: signal,
  });
  return (answer.Regions ?? [])
    .filter((entry) => entry.OptInStatus !== 'not-opted-in')
    .map((entry) => entry.RegionName)
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .sort();
}
