// Renders the "Services and resource types" table of README.md from the driver's catalog.
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
import { vultrCatalog } from '../src/vultr-catalog.ts';

/** The table's columns, one row per resource type. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  { header: 'region', cell: (_type, service) => (service.global ? '`global`' : '`region`') },
  catalogColumns.type(),
  catalogColumns.description('what (API call)'),
  catalogColumns.volatilePaths(),
  catalogColumns.secretPaths(),
];

/** The generated sections of README.md. */
export const vultrReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(vultrCatalog, columns)),
];

runReadmeScript(import.meta, vultrReadmeSections);
