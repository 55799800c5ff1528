import {
  type GetAccountAuthorizationDetailsResponse,
  IAMClient,
  type PolicyDetail,
  paginateGetAccountAuthorizationDetails,
  paginateListRoles,
  paginateListRoleTags,
  paginateListUsers,
  paginateListUserTags,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { CloudResource } from '@cloud-inventory/core';
import { classifyAwsError } from './aws-errors.ts';
import { type AwsReads, type AwsResourceInput, type AwsScope, collect } from './aws-scope.ts';

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

interface IamKind {
  type: 'aws.iam.user' | 'aws.iam.role';
  filter: 'User' | 'Role';
  details: (page: GetAccountAuthorizationDetailsResponse) => (UserDetail | RoleDetail)[];
  input: (detail: UserDetail | RoleDetail) => Omit<AwsResourceInput, 'type'>;
  fallback: (scope: AwsScope, denial: unknown) => AsyncGenerator<CloudResource>;
}

const iamKinds: IamKind[] = [
  {
    type: 'aws.iam.user',
    filter: 'User',
    details: (page) => page.UserDetailList ?? [],
    input: (detail) => {
      const user = detail as UserDetail;
      return {
        id: user.Arn,
        name: user.UserName,
        tags: user.Tags,
        configuration: userConfiguration(user),
      };
    },
    fallback: (scope, denial) => listUsersFallback(scope, denial),
  },
  {
    type: 'aws.iam.role',
    filter: 'Role',
    details: (page) => page.RoleDetailList ?? [],
    input: (detail) => {
      const role = detail as RoleDetail;
      return {
        id: role.Arn,
        name: role.RoleName,
        tags: role.Tags,
        configuration: roleConfiguration(role),
      };
    },
    fallback: (scope, denial) => listRolesFallback(scope, denial),
  },
];

/**
 * IAM users and roles with inline and attached policies, groups, permissions boundaries and tags,
 * from one paginated GetAccountAuthorizationDetails call per type (no per-user or per-role
 * calls). Where that call is denied, users and roles are still listed (ListUsers, ListRoles,
 * tags per resource), without their policies, and the denial is recorded on each of them.
 */
export async function* listIam(scope: AwsScope): AsyncGenerator<CloudResource> {
  for (const kind of iamKinds) {
    if (scope.selected(kind.type)) yield* listIamKind(scope, kind);
  }
}

async function* listIamKind(scope: AwsScope, kind: IamKind): AsyncGenerator<CloudResource> {
  const client = scope.client(IAMClient);
  let yielded = 0;
  try {
    const pages = paginateGetAccountAuthorizationDetails(
      { client, pageSize: 1000 },
      { Filter: [kind.filter] },
      scope.call,
    );
    for await (const page of pages) {
      for (const detail of kind.details(page)) {
        yield scope.resource({ type: kind.type, ...kind.input(detail) });
        yielded += 1;
      }
    }
  } catch (error) {
    // Denied from the start: the fallback lists the same resources with fewer details.
    if (yielded > 0 || scope.signal.aborted || classifyAwsError(error) !== 'auth') throw error;
    scope.logger.warn('aws iam: GetAccountAuthorizationDetails denied; listing without policies', {
      type: kind.type,
    });
    yield* kind.fallback(scope, error);
  }
}

// Records the denied GetAccountAuthorizationDetails on a resource of the fallback.
async function recordDenial(reads: AwsReads, denial: unknown): Promise<void> {
  await reads.read('iam:GetAccountAuthorizationDetails', () => Promise.reject(denial));
}

async function* listUsersFallback(scope: AwsScope, denial: unknown) {
  const client = scope.client(IAMClient);
  for await (const page of paginateListUsers({ client, pageSize: 1000 }, {}, scope.call)) {
    const users = scope.mapConcurrent(page.Users ?? [], async (user) => {
      const reads = scope.reads();
      await recordDenial(reads, denial);
      const tags = await reads.read('iam:ListUserTags', async () =>
        (
          await collect(
            paginateListUserTags(
              { client, pageSize: 100 },
              { UserName: user.UserName },
              scope.call,
            ),
          )
        ).flatMap((tagPage) => tagPage.Tags ?? []),
      );
      return { user, reads, tags };
    });
    for await (const { user, reads, tags } of users) {
      yield scope.resource({
        type: 'aws.iam.user',
        id: user.Arn,
        name: user.UserName,
        tags,
        configuration: { ...user, Tags: tags },
        reads,
      });
    }
  }
}

async function* listRolesFallback(scope: AwsScope, denial: unknown) {
  const client = scope.client(IAMClient);
  for await (const page of paginateListRoles({ client, pageSize: 1000 }, {}, scope.call)) {
    const roles = scope.mapConcurrent(page.Roles ?? [], async (role) => {
      const reads = scope.reads();
      await recordDenial(reads, denial);
      const tags = await reads.read('iam:ListRoleTags', async () =>
        (
          await collect(
            paginateListRoleTags(
              { client, pageSize: 100 },
              { RoleName: role.RoleName },
              scope.call,
            ),
          )
        ).flatMap((tagPage) => tagPage.Tags ?? []),
      );
      return { role, reads, tags };
    });
    for await (const { role, reads, tags } of roles) {
      yield scope.resource({
        type: 'aws.iam.role',
        id: role.Arn,
        name: role.RoleName,
        tags,
        configuration: {
          ...role,
          AssumeRolePolicyDocument: decodePolicyDocument(role.AssumeRolePolicyDocument),
          Tags: tags,
        },
        reads,
      });
    }
  }
}
