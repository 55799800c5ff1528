import type { HttpClient } from '@cloud-inventory/driver-kit';
import type { AtlasRegionSelection } from './atlas-regions.ts';
import type { AtlasProjectContext } from './atlas-resources.ts';

/** What the steps of one sync share. */
export interface AtlasSyncSettings {
  /** HTTP client (digest auth, retries, rate-limit reports). */
  client: HttpClient;
  /** Page size. */
  itemsPerPage: number;
  /** Region filter and coverage. */
  regions: AtlasRegionSelection;
  /** Resource types the filters keep, per service (services left out have none). */
  selectedTypes: ReadonlyMap<string, readonly string[]>;
}

/** The steps are built from this: one step per resource type lists it in every project. */
export interface AtlasStepInput {
  /** The sync's shared settings. */
  settings: AtlasSyncSettings;
  /** The projects. */
  contexts: readonly AtlasProjectContext[];
}

/** Whether the filters keep `resourceType` of `service`. */
export function isSelected(settings: AtlasSyncSettings, service: string, type: string): boolean {
  return settings.selectedTypes.get(service)?.includes(type) ?? false;
}
