// Renders the "Services and resource types" table of README.md from the driver's catalog and its
// token permissions table.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  type CatalogColumn,
  catalogColumns,
  catalogTable,
  type ReadmeSection,
  resourceTypesSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { cloudflareCatalog } from '../src/cloudflare-catalog.ts';
import { cloudflareTokenPermissions } from '../src/cloudflare-permissions.ts';

/** The table's columns, one row per resource type. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  catalogColumns.description(),
  {
    header: 'token permission (Read)',
    cell: (type) => cloudflareTokenPermissions[type.type] ?? '',
  },
  catalogColumns.volatilePaths(),
  catalogColumns.secretPaths('secret paths (stored as a keyed hash)'),
];

/** The generated sections of README.md. */
export const cloudflareReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(cloudflareCatalog, columns)),
];

runReadmeScript(import.meta, cloudflareReadmeSections);
