// Renders the "Services and resource types" table of README.md from the driver's catalog, list
// definitions and permissions.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  alignedTable,
  codeList,
  generatedTableMarkers,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { oracleCatalog } from '../src/oracle-catalog.ts';
import { oraclePermissions } from '../src/oracle-permissions.ts';
import { oracleListDefinitions } from '../src/oracle-steps.ts';

/** The table: one row per resource type, in catalog order. */
export function renderResourceTypesTable(): string {
  const rows: string[][] = [];
  for (const service of oracleCatalog.services) {
    for (const type of service.resourceTypes) {
      const definitions = oracleListDefinitions.filter(
        (definition) => definition.type === type.type,
      );
      const calls =
        definitions.length > 0
          ? definitions.map((definition) => definition.call)
          : ['ListCompartments'];
      const region = service.global
        ? '`global`'
        : definitions.some((definition) => definition.scope === 'global')
          ? 'each region; public: `global`'
          : 'each region';
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        region,
        [...new Set(calls)].join('; '),
        codeList(oraclePermissions[type.type]),
        codeList(type.volatilePaths),
      ]);
    }
  }
  return alignedTable(
    [
      '`config.services`',
      'resource type',
      'region',
      'API calls',
      'policy (Allow group X to ...)',
      'volatile paths (not versioned)',
    ],
    rows,
  );
}

/** The generated sections of README.md. */
export const oracleReadmeSections: ReadmeSection[] = [
  { name: 'resource types', markers: generatedTableMarkers, render: renderResourceTypesTable },
];

runReadmeScript(import.meta, oracleReadmeSections);
