// Renders the generated sections of README.md: resource types, tag strategy, the IAM actions of
// each type and the read-only policy, all from the catalog and the permissions table.
// Print them: node --conditions=source scripts/readme-types.ts
// Update README.md in place: node --conditions=source scripts/readme-types.ts --write
import {
  catalogColumns,
  catalogTable,
  codeList,
  compactTable,
  type ReadmeMarkers,
  type ReadmeSection,
  runReadmeScript,
} from '@cloud-inventory/testkit';
import { awsCatalog, awsReadOnlyPolicy, awsServiceAccess, awsTypeAccess } from '../src/driver.ts';

/** The services and resource types table. */
export function resourceTypesSection(): string {
  return catalogTable(
    awsCatalog,
    [
      {
        header: 'service',
        cell: (_type, service) => `\`${service.name}\`${service.global ? ' (global)' : ''}`,
      },
      catalogColumns.type(),
      catalogColumns.description('what it is'),
      catalogColumns.volatilePaths('volatile paths'),
      catalogColumns.secretPaths('secret paths'),
    ],
    'compact',
  );
}

/** How each service's tags are collected. */
export function tagStrategySection(): string {
  return compactTable(
    ['service', 'tags'],
    awsCatalog.services.map((service) => [
      `\`${service.name}\``,
      awsServiceAccess[service.name]?.tags ?? '',
    ]),
  );
}

/** The IAM actions each resource type needs: to be listed at all, and per resource. */
export function typePermissionsSection(): string {
  return catalogTable(
    awsCatalog,
    [
      catalogColumns.type(),
      {
        header: 'to list it (denied: the type fails in that region)',
        cell: (type) => {
          const access = awsTypeAccess[type.type];
          const fallback = access?.fallback
            ? ` (denied: falls back to ${codeList(access.fallback)}, without policies)`
            : '';
          return `${codeList(access?.list)}${fallback}`;
        },
      },
      {
        header: 'per resource (denied: kept without that part)',
        cell: (type) => codeList(awsTypeAccess[type.type]?.enrich),
      },
    ],
    'compact',
  );
}

/** The read-only IAM policy as a JSON code block. */
export function policySection(): string {
  return ['```json', JSON.stringify(awsReadOnlyPolicy(), null, 2), '```'].join('\n');
}

// Every AWS section is marked `<!-- generated:NAME ... -->` ... `<!-- /generated:NAME -->`.
function markersOf(name: string): ReadmeMarkers {
  return {
    start: `<!-- generated:${name} (scripts/readme-types.ts, do not edit) -->`,
    end: `<!-- /generated:${name} -->`,
  };
}

/** The generated sections of README.md. */
export const awsReadmeSections: ReadmeSection[] = [
  { name: 'resource-types', markers: markersOf('resource-types'), render: resourceTypesSection },
  { name: 'tag-strategy', markers: markersOf('tag-strategy'), render: tagStrategySection },
  {
    name: 'type-permissions',
    markers: markersOf('type-permissions'),
    render: typePermissionsSection,
  },
  { name: 'policy', markers: markersOf('policy'), render: policySection },
];

runReadmeScript(import.meta, awsReadmeSections);
