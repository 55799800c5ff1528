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
import { vultrCatalog } from '../src/vultr-catalog.ts';

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of vultrCatalog.services) {
    const region = service.global ? '`global`' : '`region`';
    for (const type of service.resourceTypes) {
      rows.push([
        `\`${service.name}\``,
        region,
        `\`${type.type}\``,
        type.description ?? '',
        codeList(type.volatilePaths),
        codeList(type.secretPaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'region',
      'resource type',
      'what (API call)',
      'volatile paths (not versioned)',
      'secret paths (stored hashed)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const vultrReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, vultrReadmeSections);
