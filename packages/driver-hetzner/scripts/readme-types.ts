// Renders the "Services and resource types" table of README.md from the driver's catalog.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  type CatalogColumn,
  catalogColumns,
  catalogTable,
  type ReadmeSection,
  resourceTypesSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { hetznerCatalog } from '../src/hetzner-catalog.ts';
import { hetznerServices } from '../src/hetzner-services.ts';

const definitionOf = (service: string) =>
  hetznerServices.find((candidate) => candidate.service === service);

/** The table's columns, one row per resource type. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  {
    header: 'region',
    cell: (_type, service) => {
      const definition = definitionOf(service.name);
      return definition?.regional ? (definition.locationField ?? 'location') : '`global`';
    },
  },
  catalogColumns.type(),
  catalogColumns.description(),
  {
    header: 'listed by (Read token)',
    cell: (_type, service) => {
      const definition = definitionOf(service.name);
      return definition ? `\`GET /v1${definition.path}\`` : '';
    },
  },
  catalogColumns.volatilePaths(),
];

/** The generated sections of README.md. */
export const hetznerReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(hetznerCatalog, columns)),
];

runReadmeScript(import.meta, hetznerReadmeSections);
