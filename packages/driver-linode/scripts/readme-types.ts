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
import { linodeCatalog } from '../src/linode-catalog.ts';
import { linodeSteps } from '../src/linode-driver.ts';
import { linodeTokenScopes } from '../src/linode-errors.ts';

/** The table: one row per resource type, in catalog order, with the calls and scope it needs. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of linodeCatalog.services) {
    for (const type of service.resourceTypes) {
      const step = linodeSteps.find((candidate) => candidate.resourceTypes.includes(type.type));
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        step?.regional ? '`region`' : '`global`',
        codeList((step?.call ?? '').split(', ')),
        `\`${linodeTokenScopes[service.name] ?? ''}\``,
        codeList(type.volatilePaths),
        codeList(type.secretPaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'resource type',
      'region',
      'list call(s)',
      'token scope',
      'volatile paths (not versioned)',
      'secret paths (hashed)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const linodeReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, linodeReadmeSections);
