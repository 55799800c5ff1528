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
import { atlasCatalog } from '../src/atlas-catalog.ts';
import { atlasTypeDocs } from '../src/atlas-type-docs.ts';

/** The table's columns: where each resource type lives and the least role that lists it. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  catalogColumns.description(),
  { header: 'region', cell: (type) => atlasTypeDocs[type.type]?.region ?? '`global`' },
  { header: 'least role', cell: (type) => atlasTypeDocs[type.type]?.role ?? '' },
  catalogColumns.volatilePaths(),
  catalogColumns.secretPaths(),
];

/** The generated sections of README.md. */
export const atlasReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(atlasCatalog, columns)),
];

runReadmeScript(import.meta, atlasReadmeSections);
