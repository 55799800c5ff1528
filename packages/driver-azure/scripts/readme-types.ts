// Renders the "Services and resource types" table of README.md from the driver's catalog and steps.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  type CatalogColumn,
  catalogColumns,
  catalogTable,
  codeList,
  type ReadmeSection,
  resourceTypesSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { azureCatalog } from '../src/azure-catalog.ts';
import { azureDefinitions } from '../src/azure-steps.ts';

// Every type shares these; the table lists only the paths a type adds.
const sharedVolatilePaths = new Set([
  '**.etag',
  'systemData.lastModifiedAt',
  'systemData.lastModifiedBy',
  'systemData.lastModifiedByType',
  '**.provisioningState',
]);

/** Extra read actions of a type's enrichment calls. */
const enrichmentPermissions: Record<string, string[]> = {
  // GET .../sites/{name}/config/web is authorized as Microsoft.Web/sites/config/read.
  'azure.appservice.webapp': ['Microsoft.Web/sites/config/read'],
};

/** The table's columns: the read actions each resource type needs, and its own volatile paths. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  catalogColumns.description(),
  {
    header: 'read actions (all in Reader)',
    cell: (type) => {
      const definition = azureDefinitions.find((candidate) =>
        candidate.resourceTypes.includes(type.type),
      );
      return codeList([
        ...(definition?.permissions ?? []),
        ...(enrichmentPermissions[type.type] ?? []),
      ]);
    },
  },
  {
    header: 'extra volatile paths',
    cell: (type) =>
      codeList((type.volatilePaths ?? []).filter((path) => !sharedVolatilePaths.has(path))),
  },
  catalogColumns.secretPaths('secret paths'),
];

/** The generated sections of README.md. */
export const azureReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(azureCatalog, columns)),
];

runReadmeScript(import.meta, azureReadmeSections);
