import { defaultResourceNames } from '@cloud-inventory/core';
import type { ConnectedDatabase } from '../store/open-database.ts';

/** A cloud found in a store: its id and the driver that last synced it. */
export interface StoredCloud {
  /** Cloud id. */
  id: string;
  /** Driver name recorded by the last sync. */
  driver: string;
}

/** Clouds that have a summary record in the store (used when there is no config file). */
export async function listStoredClouds(
  database: ConnectedDatabase,
  resourceName: string = defaultResourceNames.clouds,
): Promise<StoredCloud[]> {
  const resource = (database as any).resources?.[resourceName];
  if (!resource) return [];
  const ids: string[] = await resource.listIds();
  const clouds = await Promise.all(
    ids.sort().map(async (id) => {
      const record = await resource.get(id).catch(() => null);
      return { id, driver: typeof record?.driver === 'string' ? record.driver : 'unknown' };
    }),
  );
  return clouds;
}
