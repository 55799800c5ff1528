// Renders the "Services and resource types" table of README.md from the driver's catalog and its
// token permissions table.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  alignedTable,
  codeList,
  generatedTableMarkers,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { cloudflareCatalog } from '../src/cloudflare-catalog.ts';
import { cloudflareTokenPermissions } from '../src/cloudflare-permissions.ts';

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of cloudflareCatalog.services) {
    for (const type of service.resourceTypes) {
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        type.description ?? '',
        cloudflareTokenPermissions[type.type] ?? '',
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
      'token permission (Read)',
      'volatile paths (not versioned)',
      'secret paths (stored as a keyed hash)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const cloudflareReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, cloudflareReadmeSections);
