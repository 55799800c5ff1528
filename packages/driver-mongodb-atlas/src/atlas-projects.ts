import type { CloudResource } from '@cloud-inventory/core';
import { type AtlasCallContext, atlasGet, collect, listAtlasPages, segment } from './atlas-api.ts';
import { type AtlasProject, type AtlasProjectContext, atlasResource } from './atlas-resources.ts';

/** Where the projects come from: one organization, a fixed list, or every project the key sees. */
export interface AtlasProjectSource {
  /** `config.organizationId`. */
  organizationId: string | undefined;
  /** `config.projectIds`. */
  projectIds: string[] | undefined;
  /** Page size. */
  itemsPerPage: number;
}

/** The call that lists the projects, as named in errors and scope reports. */
export function projectsCall(source: AtlasProjectSource): string {
  if (source.projectIds) return 'GET /api/atlas/v2/groups/{groupId}';
  if (source.organizationId) return `GET /api/atlas/v2/orgs/${source.organizationId}/groups`;
  return 'GET /api/atlas/v2/groups';
}

/**
 * The projects to inventory: `GET /groups/{groupId}` for each of `config.projectIds`, else the
 * organization's projects (`GET /orgs/{orgId}/groups`), else every project the key can see.
 */
export async function listAtlasProjects(
  context: AtlasCallContext,
  source: AtlasProjectSource,
): Promise<AtlasProject[]> {
  if (source.projectIds) {
    const projects: AtlasProject[] = [];
    for (const groupId of source.projectIds) {
      projects.push(
        await atlasGet<AtlasProject>(context, 'projects', `/groups/${segment(groupId)}`),
      );
    }
    return projects;
  }
  const path = source.organizationId ? `/orgs/${segment(source.organizationId)}/groups` : '/groups';
  const projects = await collect(
    listAtlasPages<AtlasProject>(context, {
      call: 'projects',
      path,
      itemsPerPage: source.itemsPerPage,
    }),
  );
  return projects.filter((project) => typeof project?.id === 'string' && project.id !== '');
}

/** The resource of a project (region `global`). */
export function projectResource(context: AtlasProjectContext): CloudResource {
  const { project } = context;
  return atlasResource({
    context,
    service: 'projects',
    resourceType: 'mongodb-atlas.project',
    resourceId: project.id,
    name: project.name,
    configuration: project,
    tags: project.tags,
  });
}
