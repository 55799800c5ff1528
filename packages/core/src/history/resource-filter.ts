/** Filter of `listResources` and `inventoryAt`. */
export interface ResourceFilter {
  /** Only this cloud. */
  cloudId?: string;
  /** Only this driver (as configured, e.g. `aws`, `aws-mock`). */
  driver?: string;
  /** Only this service. */
  service?: string;
  /** Only this resource type. */
  resourceType?: string;
  /** Only this region. */
  region?: string;
  /** Tags that must match; a value of `true` only requires the key. */
  tags?: Record<string, string | true>;
  /** `active` (default for listResources), `deleted` or `all`. */
  status?: 'active' | 'deleted' | 'all';
  /** Case-insensitive substring of the name or id. */
  name?: string;
}

/** A record shape the filter can test. */
export interface FilterableRecord {
  cloudId?: string;
  driver?: string;
  service?: string;
  resourceType?: string;
  region?: string;
  tags?: Record<string, unknown>;
  labels?: Record<string, unknown>;
  status?: string;
  name?: string | null;
  resourceId?: string;
}

/** True when `record` matches `filter`. */
export function matchesFilter(
  record: FilterableRecord,
  filter: ResourceFilter,
  defaultStatus: 'active' | 'all' = 'active',
): boolean {
  if (filter.cloudId && record.cloudId !== filter.cloudId) return false;
  if (filter.driver && record.driver !== filter.driver) return false;
  if (filter.service && record.service !== filter.service) return false;
  if (filter.resourceType && record.resourceType !== filter.resourceType) return false;
  if (filter.region && record.region !== filter.region) return false;
  const status = filter.status ?? defaultStatus;
  if (status !== 'all' && (record.status ?? 'active') !== status) return false;
  if (filter.name) {
    const needle = filter.name.toLowerCase();
    const haystack = `${record.name ?? ''}\u0000${record.resourceId ?? ''}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  if (filter.tags) {
    const tags = { ...(record.labels ?? {}), ...(record.tags ?? {}) };
    for (const [key, value] of Object.entries(filter.tags)) {
      if (!(key in tags)) return false;
      if (value !== true && String(tags[key]) !== value) return false;
    }
  }
  return true;
}
