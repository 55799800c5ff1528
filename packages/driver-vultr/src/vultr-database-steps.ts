import type { ListStep } from '@cloud-inventory/driver-kit';
import {
  collectionStep,
  stringField,
  type VultrCollection,
  type VultrRunContext,
} from './vultr-resource.ts';

/**
 * Managed databases: `GET /databases`. The API does not page this list (no `per_page`/`cursor`
 * parameters, `meta` has only `total`); a `meta.links.next` would still be followed.
 */
export const vultrDatabases: VultrCollection = {
  service: 'databases',
  resourceType: 'vultr.database',
  path: '/databases',
  key: 'databases',
  paged: false,
  regional: true,
  name: (item) => stringField(item, 'label'),
};

/** The managed database step. */
export function vultrDatabaseSteps(context: VultrRunContext): ListStep[] {
  return [collectionStep(vultrDatabases, context)];
}
