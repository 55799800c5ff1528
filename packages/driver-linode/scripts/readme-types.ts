// Renders the "Services and resource types" table of README.md from the driver's catalog.
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
import { linodeCatalog } from '../src/linode-catalog.ts';
import { linodeSteps } from '../src/linode-driver.ts';
import { linodeTokenScopes } from '../src/linode-errors.ts';

const stepOf = (type: string) =>
  linodeSteps.find((candidate) => candidate.resourceTypes.includes(type));

/** The table's columns: the calls and token scope each resource type needs. */
const columns: CatalogColumn[] = [
  catalogColumns.service(),
  catalogColumns.type(),
  { header: 'region', cell: (type) => (stepOf(type.type)?.regional ? '`region`' : '`global`') },
  { header: 'list call(s)', cell: (type) => codeList((stepOf(type.type)?.call ?? '').split(', ')) },
  {
    header: 'token scope',
    cell: (_type, service) => `\`${linodeTokenScopes[service.name] ?? ''}\``,
  },
  catalogColumns.volatilePaths(),
  catalogColumns.secretPaths('secret paths (hashed)'),
];

/** The generated sections of README.md. */
export const linodeReadmeSections: ReadmeSection[] = [
  resourceTypesSection(() => catalogTable(linodeCatalog, columns)),
];

runReadmeScript(import.meta, linodeReadmeSections);
