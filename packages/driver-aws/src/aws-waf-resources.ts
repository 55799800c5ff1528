import {
  type Tag as ClassicTag,
  GetWebACLCommand as GetClassicWebAclCommand,
  ListTagsForResourceCommand as ListClassicTagsCommand,
  ListWebACLsCommand as ListClassicWebAclsCommand,
  WAFClient,
} from '@aws-sdk/client-waf';
import {
  GetWebACLCommand,
  ListTagsForResourceCommand,
  ListWebACLsCommand,
  type Tag,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, collect, tokenPages } from './aws-scope.ts';

// The WAF SDKs ship no paginators: every list call below pages with NextMarker by hand.
const limit = 100;

async function classicTags(client: WAFClient, scope: AwsScope, arn: string | undefined) {
  if (!arn) return [];
  const pages = tokenPages(
    (NextMarker) =>
      client.send(
        new ListClassicTagsCommand({ ResourceARN: arn, NextMarker, Limit: limit }),
        scope.call,
      ),
    (page) => page.NextMarker,
    (page) => page.TagInfoForResource?.TagList?.length ?? 0,
  );
  return (await collect(pages)).flatMap(
    (page): ClassicTag[] => page.TagInfoForResource?.TagList ?? [],
  );
}

/** WAF Classic global web ACLs (GetWebACL per ACL); tags per ACL (ListTagsForResource). */
export async function* listWafClassic(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.waf.web-acl')) return;
  const client = scope.client(WAFClient);
  const pages = tokenPages(
    (NextMarker) =>
      client.send(new ListClassicWebAclsCommand({ NextMarker, Limit: limit }), scope.call),
    (page) => page.NextMarker,
    (page) => page.WebACLs?.length ?? 0,
  );
  for await (const page of pages) {
    const acls = scope.mapConcurrent(page.WebACLs ?? [], async (summary) => {
      const { WebACL: acl } = await client.send(
        new GetClassicWebAclCommand({ WebACLId: summary.WebACLId }),
        scope.call,
      );
      const reads = scope.reads();
      const tags = await reads.read('waf:ListTagsForResource', () =>
        classicTags(client, scope, acl?.WebACLArn),
      );
      return { acl, reads, tags: tags ?? [] };
    });
    for await (const { acl, reads, tags } of acls) {
      if (!acl) continue;
      yield scope.resource({
        type: 'aws.waf.web-acl',
        id: acl.WebACLArn ?? scope.arn('waf', `webacl/${acl.WebACLId}`, { region: '' }),
        name: acl.Name,
        tags,
        configuration: { ...acl, Tags: tags },
        reads,
      });
    }
  }
}

async function wafv2Tags(client: WAFV2Client, scope: AwsScope, arn: string | undefined) {
  if (!arn) return [];
  const pages = tokenPages(
    (NextMarker) =>
      client.send(
        new ListTagsForResourceCommand({ ResourceARN: arn, NextMarker, Limit: limit }),
        scope.call,
      ),
    (page) => page.NextMarker,
    (page) => page.TagInfoForResource?.TagList?.length ?? 0,
  );
  return (await collect(pages)).flatMap((page): Tag[] => page.TagInfoForResource?.TagList ?? []);
}

/**
 * WAFv2 web ACLs: in a region the REGIONAL ones; in the `global` scope the CLOUDFRONT ones
 * (asked in us-east-1). GetWebACL per ACL; tags per ACL (ListTagsForResource).
 */
export async function* listWafv2(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.wafv2.web-acl')) return;
  const client = scope.client(WAFV2Client);
  const Scope = scope.region === 'global' ? 'CLOUDFRONT' : 'REGIONAL';
  const pages = tokenPages(
    (NextMarker) =>
      client.send(new ListWebACLsCommand({ Scope, NextMarker, Limit: limit }), scope.call),
    (page) => page.NextMarker,
    (page) => page.WebACLs?.length ?? 0,
  );
  for await (const page of pages) {
    const acls = scope.mapConcurrent(page.WebACLs ?? [], async (summary) => {
      const { WebACL: acl } = await client.send(
        new GetWebACLCommand({ Name: summary.Name, Id: summary.Id, Scope }),
        scope.call,
      );
      const reads = scope.reads();
      const tags = await reads.read('wafv2:ListTagsForResource', () =>
        wafv2Tags(client, scope, acl?.ARN ?? summary.ARN),
      );
      return { acl, reads, tags: tags ?? [] };
    });
    for await (const { acl, reads, tags } of acls) {
      if (!acl) continue;
      yield scope.resource({
        type: 'aws.wafv2.web-acl',
        id: acl.ARN,
        name: acl.Name,
        tags,
        configuration: { ...acl, Scope, Tags: tags },
        reads,
      });
    }
  }
}
