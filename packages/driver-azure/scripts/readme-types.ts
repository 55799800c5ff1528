// Renders the "Services and resource types" table of README.md from the driver's catalog and steps.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  alignedTable,
  codeList,
  generatedTableMarkers,
  type ReadmeSection,
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

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of azureCatalog.services) {
    for (const type of service.resourceTypes) {
      const definition = azureDefinitions.find((candidate) =>
        candidate.resourceTypes.includes(type.type),
      );
      const permissions = [
        ...(definition?.permissions ?? []),
        ...(enrichmentPermissions[type.type] ?? []),
      ];
      const volatile = (type.volatilePaths ?? []).filter((path) => !sharedVolatilePaths.has(path));
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        type.description ?? '',
        codeList(permissions),
        codeList(volatile),
        codeList(type.secretPaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'resource type',
      'what',
      'read actions (all in Reader)',
      'extra volatile paths',
      'secret paths',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const azureReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, azureReadmeSections);
