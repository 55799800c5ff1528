import {
  IAMClient,
  type PolicyDetail,
  paginateGetAccountAuthorizationDetails,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** IAM answers policy documents URL-encoded: decode them to JSON when they parse. */
export function decodePolicyDocument(document: string | undefined): unknown {
  if (document === undefined) return undefined;
  try {
    return JSON.parse(decodeURIComponent(document));
  } catch {
    return document;
  }
}

const decodeInline = (policies: PolicyDetail[] | undefined) =>
  policies?.map((policy) => ({
    ...policy,
    PolicyDocument: decodePolicyDocument(policy.PolicyDocument),
  }));

function userConfiguration(user: UserDetail) {
  return { ...user, UserPolicyList: decodeInline(user.UserPolicyList) };
}

function roleConfiguration(role: RoleDetail) {
  return {
    ...role,
    AssumeRolePolicyDocument: decodePolicyDocument(role.AssumeRolePolicyDocument),
    RolePolicyList: decodeInline(role.RolePolicyList),
    InstanceProfileList: role.InstanceProfileList?.map((profile) => ({
      ...profile,
      // The profile's roles repeat the role itself; their ids are enough.
      Roles: profile.Roles?.map((profileRole) => ({
        RoleName: profileRole.RoleName,
        RoleId: profileRole.RoleId,
        Arn: profileRole.Arn,
      })),
    })),
  };
}

/**
 * IAM users and roles with inline and attached policies, groups, permissions boundaries and tags,
 * all from one paginated GetAccountAuthorizationDetails call (no per-user or per-role calls).
 */
export async function* listIam(scope: AwsScope): AsyncGenerator<CloudResource> {
  const filter: ('User' | 'Role')[] = [];
  if (scope.selected('aws.iam.user')) filter.push('User');
  if (scope.selected('aws.iam.role')) filter.push('Role');
  if (filter.length === 0) return;
  const client = scope.client(IAMClient);
  const pages = paginateGetAccountAuthorizationDetails(
    { client, pageSize: 1000 },
    { Filter: filter },
    scope.call,
  );
  for await (const page of pages) {
    for (const user of page.UserDetailList ?? []) {
      yield scope.resource({
        type: 'aws.iam.user',
        id: user.Arn,
        name: user.UserName,
        tags: user.Tags,
        configuration: userConfiguration(user),
      });
    }
    for (const role of page.RoleDetailList ?? []) {
      yield scope.resource({
        type: 'aws.iam.role',
        id: role.Arn,
        name: role.RoleName,
        tags: role.Tags,
        configuration: roleConfiguration(role),
      });
    }
  }
}
