import type { CloudResource } from '@cloud-inventory/core';
import type { HttpClient } from '@cloud-inventory/driver-kit';
import { listCloudflare } from './cloudflare-api.ts';
import { permissionHint } from './cloudflare-permissions.ts';
import { type CloudflareObject, cloudflareResource } from './cloudflare-resources.ts';

/** The call that lists Pages projects. */
export const cloudflarePagesCall = 'GET /accounts/{account_id}/pages/projects';

/** Options of `listPagesProjects`. */
export interface ListPagesOptions {
  /** The API client. */
  client: HttpClient;
  /** Account to list. */
  accountId: string;
  /** Stops the listing. */
  signal: AbortSignal;
}

/**
 * Pages projects and, from each project's `latest_deployment` (no extra call), its latest
 * deployment as a resource of its own: a new deployment is a new resource, the previous one is
 * gone from the listing (only the latest is inventoried).
 */
export async function* listPagesProjects(options: ListPagesOptions): AsyncGenerator<CloudResource> {
  const context = { accountId: options.accountId };
  const projects = listCloudflare<CloudflareObject>(options.client, {
    path: `/accounts/${options.accountId}/pages/projects`,
    call: cloudflarePagesCall,
    paging: 'pages',
    service: 'pages',
    hint: permissionHint(['cloudflare.pages.project']),
    signal: options.signal,
  });
  for await (const project of projects) {
    yield cloudflareResource(
      { service: 'pages', resourceType: 'cloudflare.pages.project' },
      project,
      context,
    );
    const deployment = project.latest_deployment;
    if (deployment && typeof deployment === 'object') {
      yield cloudflareResource(
        {
          service: 'pages',
          resourceType: 'cloudflare.pages.deployment',
          name: (item) => item.url ?? item.short_id,
        },
        deployment as CloudflareObject,
        context,
      );
    }
  }
}
