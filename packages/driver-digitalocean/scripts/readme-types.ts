// Renders the "Services and resource types" table of README.md from the driver's catalog.
// Print it: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import type { DriverCatalog } from '@cloud-inventory/core';
import {
  codeList,
  compactTable,
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

/** The table, one row per resource type, in catalog order. */
export function renderResourceTypes(catalog: DriverCatalog = digitalOceanCatalog): string {
  const rows: string[][] = [];
  for (const service of catalog.services) {
    for (const type of service.resourceTypes) {
      const needs = permissions(service.name, type.type);
      rows.push([
        `\`${service.name}\``,
        `\`${type.type}\``,
        service.global ? '`global`' : 'per region',
        type.description ?? '',
        needs.list,
        needs.reads,
        codeList(type.volatilePaths),
        codeList(type.secretPaths),
      ]);
    }
  }
  return compactTable(
    [
      'service',
      'resource type',
      'region',
      'description',
      'to list it (token scope)',
      'per resource (denied: kept without)',
      'volatile paths',
      'secret paths',
    ],
    rows,
  );
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
