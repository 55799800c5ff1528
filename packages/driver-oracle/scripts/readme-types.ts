// Renders the "Services and resource types" table of README.md from the driver's catalog, list
// definitions and permissions.
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
import { oracleCatalog } from '../src/oracle-catalog.ts';
import { oraclePermissions } from '../src/oracle-permissions.ts';
import { oracleListDefinitions } from '../src/oracle-steps.ts';

const definitionsOf = (type: string) =>
  oracleListDefinitions.filter((definition) => definition.type === type);

/** The table's columns: where each resource type is listed, by which calls, under which policy. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  {
    header: 'region',
    cell: (type, service) => {
      if (service.global) return '`global`';
      return definitionsOf(type.type).some((definition) => definition.scope === 'global')
        ? 'each region; public: `global`'
        : 'each region';
    },
  },
  {
    header: 'API calls',
    cell: (type) => {
      const definitions = definitionsOf(type.type);
      // Compartments have no list definition: they come from the tree every listing walks.
      const calls =
        definitions.length > 0
          ? definitions.map((definition) => definition.call)
          : ['ListCompartments'];
      return [...new Set(calls)].join('; ');
    },
  },
  {
    header: 'policy (Allow group X to ...)',
    cell: (type) => codeList(oraclePermissions[type.type]),
  },
  catalogColumns.volatilePaths(),
];

/** The generated sections of README.md. */
export const oracleReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(oracleCatalog, columns)),
];

runReadmeScript(import.meta, oracleReadmeSections);
