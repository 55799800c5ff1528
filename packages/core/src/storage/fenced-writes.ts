import type { CloudLock } from './cloud-lock.ts';
import type { InventoryResources } from './inventory-resources.ts';
import type { ObjectStore } from './object-store.ts';

// s3db.js Resource methods that write; every one of them first checks the lock.
const recordWrites = new Set([
  'insert',
  'insertMany',
  'replace',
  'update',
  'upsert',
  'patch',
  'delete',
  'deleteMany',
]);

function fenceMethods<T extends object>(target: T, writes: Set<string>, lock: CloudLock): T {
  // Bound once per method: the engine reads these on every record it writes.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const known = bound.get(property) as { original: unknown; wrapped: unknown } | undefined;
      if (known?.original === value) return known.wrapped;
      const wrapped =
        typeof property === 'string' && writes.has(property)
          ? (...args: unknown[]) => {
              lock.assertHeld();
              return value.apply(object, args);
            }
          : value.bind(object);
      bound.set(property, { original: value, wrapped });
      return wrapped;
    },
  });
}

/**
 * The object store with every write (put, delete) checking the cloud's lock first: a worker that
 * lost its lock, or whose renewals stopped succeeding, cannot write one more object, whichever
 * code path tries. Reads pass through.
 */
export function fencedStore(store: ObjectStore, lock: CloudLock | null | undefined): ObjectStore {
  if (!lock) return store;
  return fenceMethods(store, new Set(['putJson', 'delete']), lock);
}

/** The inventory's s3db.js resources with every record write checking the cloud's lock first. */
export function fencedResources(
  resources: InventoryResources,
  lock: CloudLock | null | undefined,
): InventoryResources {
  if (!lock) return resources;
  return {
    snapshots: fenceMethods(resources.snapshots, recordWrites, lock),
    versions: fenceMethods(resources.versions, recordWrites, lock),
    changes: fenceMethods(resources.changes, recordWrites, lock),
    clouds: fenceMethods(resources.clouds, recordWrites, lock),
    runs: fenceMethods(resources.runs, recordWrites, lock),
  };
}
