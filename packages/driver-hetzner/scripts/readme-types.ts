// Renders the "Services and resource types" table of README.md from the driver's catalog.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  alignedTable,
  codeList,
  generatedTableMarkers,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { hetznerCatalog } from '../src/hetzner-catalog.ts';
import { hetznerServices } from '../src/hetzner-services.ts';

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of hetznerCatalog.services) {
    const definition = hetznerServices.find((candidate) => candidate.service === service.name);
    const region = definition?.regional ? (definition.locationField ?? 'location') : '`global`';
    for (const type of service.resourceTypes) {
      rows.push([
        `\`${service.name}\``,
        region,
        `\`${type.type}\``,
        type.description ?? '',
        definition ? `\`GET /v1${definition.path}\`` : '',
        codeList(type.volatilePaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'region',
      'resource type',
      'what',
      'listed by (Read token)',
      'volatile paths (not versioned)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const hetznerReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, hetznerReadmeSections);
