// Renders the "Services and resource types" table and the custom-role permission list of
// README.md from the driver's catalog and listing definitions.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  type CatalogColumn,
  catalogColumns,
  catalogTable,
  generatedTableMarkers,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { gcpCatalog, gcpListingDefinitions } from '../src/gcp-catalog.ts';

const placementText = {
  global: '`global`',
  regional: 'its region (one call for all)',
  'per-region': 'its region (one call each)',
} as const;

const definitionOf = (type: string) =>
  gcpListingDefinitions.find((candidate) => candidate.types.some((entry) => entry.type === type))!;

/** The table's columns: where each resource type is listed and the permission that lists it. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  catalogColumns.description('what (API call)'),
  { header: 'region', cell: (type) => placementText[definitionOf(type.type).placement] },
  { header: 'permission', cell: (type) => `\`${definitionOf(type.type).permission}\`` },
  catalogColumns.volatilePaths(),
];

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  return catalogTable(gcpCatalog, columns);
}

/** Every permission the driver uses, sorted: the `includedPermissions` of a narrower custom role. */
export function requiredPermissions(): string[] {
  const permissions = new Set(['resourcemanager.projects.get', 'compute.regions.list']);
  for (const definition of gcpListingDefinitions) permissions.add(definition.permission);
  // KMS and Artifact Registry list their locations first.
  permissions.add('cloudkms.locations.list');
  permissions.add('artifactregistry.locations.list');
  return [...permissions].sort();
}

/** The generated part: the table, then the permission list. */
export function renderGeneratedPart(): string {
  return `${renderResourceTypesTable()}\n\nPermissions of a narrower custom role (\`gcloud iam roles create ... --permissions=...\`):\n\n\`\`\`text\n${requiredPermissions().join('\n')}\n\`\`\``;
}

/** The generated sections of README.md. */
export const gcpReadmeSections: ReadmeSection[] = [
  {
    name: 'resource types and permissions',
    markers: generatedTableMarkers,
    render: renderGeneratedPart,
  },
];

runReadmeScript(import.meta, gcpReadmeSections);
