// Renders the "Services and resource types" table of README.md from the driver's catalog.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import type { DriverCatalog } from '@cloud-inventory/core';
import {
  type CatalogColumn,
  catalogColumns,
  catalogTable,
  codeList,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { digitalOceanTokenScopes } from '../src/digitalocean-errors.ts';
import { digitalOceanApiServices } from '../src/digitalocean-services.ts';
import { digitalOceanCatalog } from '../src/driver.ts';

// What a type needs: its list call(s) with the token scope, and the per-resource reads.
function permissions(service: string, type: string): { list: string; reads: string } {
  if (service === 'spaces') return { list: 'Spaces key pair (S3 `ListBuckets`)', reads: '' };
  const step = digitalOceanApiServices
    .get(service)
    ?.steps.find((candidate) => candidate.resourceTypes.includes(type));
  const scope = digitalOceanTokenScopes[service];
  return {
    list: `${step ? `\`${step.call}\`` : ''}${scope ? ` (\`${scope}\`)` : ''}`,
    reads: codeList(step?.enrichCalls as string[] | undefined),
  };
}

/** The table's columns: what each resource type needs, to be listed and per resource. */
const columns: CatalogColumn[] = [
  catalogColumns.service('service'),
  catalogColumns.type(),
  { header: 'region', cell: (_type, service) => (service.global ? '`global`' : 'per region') },
  catalogColumns.description('description'),
  {
    header: 'to list it (token scope)',
    cell: (type, service) => permissions(service.name, type.type).list,
  },
  {
    header: 'per resource (denied: kept without)',
    cell: (type, service) => permissions(service.name, type.type).reads,
  },
  catalogColumns.volatilePaths('volatile paths'),
  catalogColumns.secretPaths('secret paths'),
];

/** The table, one row per resource type, in catalog order. */
export function renderResourceTypes(catalog: DriverCatalog = digitalOceanCatalog): string {
  return catalogTable(catalog, columns, 'compact');
}

/** The generated sections of README.md. */
export const digitalOceanReadmeSections: ReadmeSection[] = [
  {
    name: 'resource types',
    markers: {
      start:
        '<!-- resource-types:start (generated from the catalog by scripts/readme-types.ts; do not edit) -->',
      end: '<!-- resource-types:end -->',
    },
    // NOTE: this README keeps a blank line on each side of the table.
    render: () => `\n${renderResourceTypes()}\n`,
  },
];

runReadmeScript(import.meta, digitalOceanReadmeSections);
