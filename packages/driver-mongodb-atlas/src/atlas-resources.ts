import type { CloudResource } from '@cloud-inventory/core';
import { buildResource } from '@cloud-inventory/driver-kit';

/** Driver name, and the prefix of every resource type. */
export const atlasProvider = 'mongodb-atlas';

/** A project (group) as `GET /groups` returns it. */
export interface AtlasProject {
  /** 24-hex project id (the `groupId` of every path). */
  id: string;
  /** Project name. */
  name?: string;
  /** Organization of the project. */
  orgId?: string;
  /** `[{ key, value }]` resource tags. */
  tags?: Array<{ key?: string; value?: string }>;
  [field: string]: unknown;
}

/** What every resource of one project shares. */
export interface AtlasProjectContext {
  /** The project. */
  project: AtlasProject;
  /** Account id recorded on its resources (its organization). */
  accountId: string;
}

/** Input of `atlasResource`. */
export interface AtlasResourceInput {
  /** Project the resource belongs to. */
  context: AtlasProjectContext;
  /** Service, as in the catalog. */
  service: string;
  /** Resource type. */
  resourceType: string;
  /** Stable id (Atlas id, or `<groupId>/<name>` for objects identified by name). */
  resourceId: string;
  /** Display name. */
  name?: string | undefined;
  /** Atlas region, or undefined for `global`. */
  region?: string | undefined;
  /** The API object, versioned as is. */
  configuration: unknown;
  /** Tags (`[{ key, value }]`). */
  tags?: unknown;
  /** Labels (`[{ key, value }]`). */
  labels?: unknown;
  /** Extra metadata (not digested), e.g. the cluster a snapshot belongs to. */
  metadata?: Record<string, unknown>;
}

/** Build a resource of one project; metadata names the project. */
export function atlasResource(input: AtlasResourceInput): CloudResource {
  const { project, accountId } = input.context;
  return buildResource({
    provider: atlasProvider,
    accountId,
    region: input.region ?? 'global',
    service: input.service,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    name: input.name ?? null,
    tags: input.tags,
    labels: input.labels,
    configuration: input.configuration,
    metadata: {
      projectId: project.id,
      ...(project.name ? { projectName: project.name } : {}),
      ...input.metadata,
    },
  });
}

/** A string field of an API object, or undefined. */
export function textField(item: unknown, field: string): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const value = (item as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
