import { DriverError } from '@cloud-inventory/core';
import type { GcpApiClient } from './gcp-api-client.ts';

/**
 * Every ACTIVE project the credentials can see, through Resource Manager v3 `projects.search`
 * (needs `resourcemanager.projects.get` on each project); used when the config names none.
 */
export async function listGcpProjects(
  client: GcpApiClient,
  signal: AbortSignal,
): Promise<string[]> {
  const projects: string[] = [];
  const found = client.list<{ projectId?: string; state?: string }>({
    api: 'cloudresourcemanager',
    path: '/v3/projects:search',
    query: { query: 'state:ACTIVE' },
    itemsKey: 'projects',
    signal,
  });
  for await (const project of found) {
    if (typeof project.projectId === 'string' && (project.state ?? 'ACTIVE') === 'ACTIVE') {
      projects.push(project.projectId);
    }
  }
  if (projects.length === 0) {
    throw new DriverError({
      message:
        'The credentials can see no active project (Resource Manager projects.search returned none): set config.projectId or config.projectIds, or grant the identity resourcemanager.projects.get (roles/browser) on the projects to inventory.',
      errorClass: 'auth',
      retryable: false,
    });
  }
  return projects.sort();
}
