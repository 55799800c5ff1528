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
import { atlasCatalog } from '../src/atlas-catalog.ts';
import { atlasTypeDocs } from '../src/atlas-type-docs.ts';

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of atlasCatalog.services) {
    for (const type of service.resourceTypes) {
      const docs = atlasTypeDocs[type.type];
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        type.description ?? '',
        docs?.region ?? '`global`',
        docs?.role ?? '',
        codeList(type.volatilePaths),
        codeList(type.secretPaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'resource type',
      'what',
      'region',
      'least role',
      'volatile paths (not versioned)',
      'secret paths (stored hashed)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const atlasReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, atlasReadmeSections);
