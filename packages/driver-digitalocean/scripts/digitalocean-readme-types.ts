// Renders the "Services and resource types" table of README.md from the driver's catalog.
import type { DriverCatalog } from '@cloud-inventory/core';
import { digitalOceanTokenScopes } from '../src/digitalocean-errors.ts';
import { digitalOceanApiServices } from '../src/digitalocean-services.ts';
import { digitalOceanCatalog } from '../src/driver.ts';

/** Marker lines around the generated table in README.md. */
export const readmeTypesStart =
  '<!-- resource-types:start (generated from the catalog by scripts/readme-types.ts; do not edit) -->';
/** End marker. */
export const readmeTypesEnd = '<!-- resource-types:end -->';

const code = (paths: readonly string[] | undefined) =>
  paths && paths.length > 0 ? paths.map((path) => `\`${path}\``).join(', ') : '';

// What a type needs: its list call(s) with the token scope, and the per-resource reads.
function permissions(service: string, type: string): { list: string; reads: string } {
  if (service === 'spaces') return { list: 'Spaces key pair (S3 `ListBuckets`)', reads: '' };
  const step = digitalOceanApiServices
    .get(service)
    ?.steps.find((candidate) => candidate.resourceTypes.includes(type));
  const scope = digitalOceanTokenScopes[service];
  return {
    list: `${step ? `\`${step.call}\`` : ''}${scope ? ` (\`${scope}\`)` : ''}`,
    reads: code(step?.enrichCalls as string[] | undefined),
  };
}

/** The table, one row per resource type, in catalog order. */
export function renderResourceTypes(catalog: DriverCatalog = digitalOceanCatalog): string {
  const lines = [
    '| service | resource type | region | description | to list it (token scope) | per resource (denied: kept without) | volatile paths | secret paths |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const service of catalog.services) {
    for (const type of service.resourceTypes) {
      const needs = permissions(service.name, type.type);
      lines.push(
        `| \`${service.name}\` | \`${type.type}\` | ${service.global ? '`global`' : 'per region'} | ${type.description ?? ''} | ${needs.list} | ${needs.reads} | ${code(type.volatilePaths)} | ${code(type.secretPaths)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The table with its markers, as it stands in README.md. */
export function renderReadmeSection(catalog: DriverCatalog = digitalOceanCatalog): string {
  return `${readmeTypesStart}\n\n${renderResourceTypes(catalog)}\n\n${readmeTypesEnd}`;
}
