import type { CloudResource } from '@cloud-inventory/core';
import type { ListStep } from '@cloud-inventory/driver-kit';
import { atlasApiPrefix, atlasGet, listAtlasPages } from './atlas-api.ts';
import {
  type AtlasItem,
  type AtlasProjectListDefinition,
  atlasProjectLists,
} from './atlas-project-lists.ts';
import type { AtlasProjectContext } from './atlas-resources.ts';
import { atlasResource } from './atlas-resources.ts';
import { type AtlasStepInput, type AtlasSyncSettings, isSelected } from './atlas-step-context.ts';

/** The call(s) of a list, with `{groupId}`, as a user would grant them. */
export function listCallName(definition: AtlasProjectListDefinition): string {
  return definition
    .requests('{groupId}')
    .map((request) => {
      const query = request.query
        ? `?${new URLSearchParams(request.query as Record<string, string>).toString()}`
        : '';
      return `GET ${atlasApiPrefix}${request.path}${query}`;
    })
    .join(', ');
}

async function* listDefinition(
  definition: AtlasProjectListDefinition,
  settings: AtlasSyncSettings,
  context: AtlasProjectContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  const groupId = context.project.id;
  const callContext = { client: settings.client, service: definition.service, signal };
  for (const request of definition.requests(groupId)) {
    const items: AsyncIterable<AtlasItem> | Iterable<AtlasItem> = definition.paginated
      ? listAtlasPages<AtlasItem>(callContext, {
          call: definition.call,
          path: request.path,
          itemsPerPage: settings.itemsPerPage,
          ...(request.query ? { query: request.query } : {}),
        })
      : ((await atlasGet<AtlasItem[] | null>(
          callContext,
          definition.call,
          request.path,
          request.query,
        )) ?? []);
    for await (const item of items) {
      const resourceId = definition.resourceId(item, groupId);
      if (!resourceId) continue;
      const region = definition.region?.(item);
      if (region && !settings.regions.keep(region)) continue;
      yield atlasResource({
        context,
        service: definition.service,
        resourceType: definition.resourceType,
        resourceId,
        name: definition.name(item),
        region,
        configuration: item,
        tags: definition.tags?.(item),
        labels: definition.labels?.(item),
      });
    }
  }
}

/** One step per project-level list the filters keep: a failing list fails only its type. */
export function projectListSteps(input: AtlasStepInput): ListStep[] {
  const steps: ListStep[] = [];
  for (const definition of atlasProjectLists) {
    if (!isSelected(input.settings, definition.service, definition.resourceType)) continue;
    steps.push({
      service: definition.service,
      resourceTypes: [definition.resourceType],
      call: listCallName(definition),
      list: async function* ({ signal }) {
        for (const context of input.contexts) {
          yield* listDefinition(definition, input.settings, context, signal);
        }
      },
      // A project-wide list of a regional type covers every selected region.
      ...(definition.region ? { coversRegions: () => input.settings.regions.covered() } : {}),
    });
  }
  return steps;
}
