import type { CloudResource } from '@cloud-inventory/core';
import type { GcpApi } from './gcp-endpoints.ts';
import { lastSegment, locationOfName, regionOfLocation } from './gcp-locations.ts';
import {
  fullResourceName,
  type GcpItem,
  type GcpListContext,
  type GcpListingDefinition,
  type GcpTypeEntry,
  gcpResource,
} from './gcp-resource.ts';

/** Options of `pagedDefinition`. */
export interface PagedDefinitionOptions {
  /** Service, as in the catalog. */
  service: string;
  /** The listed type first, then child types its items carry. */
  types: GcpTypeEntry[];
  /** API. */
  api: GcpApi;
  /** REST method id. */
  method: string;
  /** IAM permission. */
  permission: string;
  /** Where it runs. */
  placement: GcpListingDefinition['placement'];
  /** Path of the list call. */
  path: (context: GcpListContext) => string;
  /** Body key of the items. */
  itemsKey: string;
  /** Page-size parameter. @default 'pageSize' */
  pageSizeParam?: 'maxResults' | 'pageSize' | null;
  /** Extra query parameters. */
  query?: Record<string, string> | ((context: GcpListContext) => Record<string, string>);
  /** Body key of unreachable locations. */
  unreachableKey?: string;
  /** Id. @default fullResourceName(api, item.name) */
  id?: (item: GcpItem, context: GcpListContext) => string;
  /** Display name. @default last segment of item.name */
  name?: (item: GcpItem) => unknown;
  /** Region. @default the `locations/<id>` of item.name, else the step's region */
  region?: (item: GcpItem, context: GcpListContext) => string;
  /** Labels. @default item.labels */
  labels?: (item: GcpItem) => unknown;
  /** Child resources carried in the item (node pools of a cluster). */
  children?: (item: GcpItem, parent: CloudResource, context: GcpListContext) => CloudResource[];
  /** Per-resource extra call. */
  enrich?: GcpListingDefinition['enrich'];
}

/** The region of an item whose name holds `locations/<id>`, else the step's region. */
export function regionFromName(item: GcpItem, context: GcpListContext): string {
  const location = locationOfName(item.name);
  return location ? regionOfLocation(location, context.regions) : context.region;
}

/** A listing of a newer Google API: `GET <path>?pageSize=&pageToken=`, items under one key. */
export function pagedDefinition(options: PagedDefinitionOptions): GcpListingDefinition {
  const type = options.types[0]!.type;
  return {
    service: options.service,
    types: options.types,
    api: options.api,
    method: options.method,
    permission: options.permission,
    placement: options.placement,
    ...(options.enrich ? { enrich: options.enrich } : {}),
    list: async function* (context) {
      const items = context.client.list<GcpItem>({
        api: options.api,
        path: options.path(context),
        itemsKey: options.itemsKey,
        ...(options.pageSizeParam === undefined ? {} : { pageSizeParam: options.pageSizeParam }),
        ...(options.query
          ? { query: typeof options.query === 'function' ? options.query(context) : options.query }
          : {}),
        ...(options.unreachableKey ? { unreachableKey: options.unreachableKey } : {}),
        project: context.project,
        service: context.service,
        ...(context.region === 'global' ? {} : { region: context.region }),
        signal: context.signal,
      });
      for await (const item of items) {
        const resource = gcpResource({
          context,
          type,
          id: options.id?.(item, context) ?? fullResourceName(options.api, String(item.name)),
          name: options.name ? options.name(item) : lastSegment(item.name),
          region: options.region ? options.region(item, context) : regionFromName(item, context),
          configuration: item,
          labels: options.labels ? options.labels(item) : item.labels,
        });
        yield resource;
        if (options.children) yield* options.children(item, resource, context);
      }
    },
  };
}
