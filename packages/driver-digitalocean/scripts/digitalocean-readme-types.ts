// Renders the "Services and resource types" table of README.md from the driver's catalog.
import type { DriverCatalog } from '@cloud-inventory/core';
import { digitalOceanCatalog } from '../src/driver.ts';

/** Marker lines around the generated table in README.md. */
export const readmeTypesStart =
  '<!-- resource-types:start (generated from the catalog by scripts/readme-types.ts; do not edit) -->';
/** End marker. */
export const readmeTypesEnd = '<!-- resource-types:end -->';

const code = (paths: readonly string[] | undefined) =>
  paths && paths.length > 0 ? paths.map((path) => `\`${path}\``).join(', ') : '';

/** The table, one row per resource type, in catalog order. */
export function renderResourceTypes(catalog: DriverCatalog = digitalOceanCatalog): string {
  const lines = [
    '| service | resource type | region | description | volatile paths | secret paths |',
    '|---|---|---|---|---|---|',
  ];
  for (const service of catalog.services) {
    for (const type of service.resourceTypes) {
      lines.push(
        `| \`${service.name}\` | \`${type.type}\` | ${service.global ? '`global`' : 'per region'} | ${type.description ?? ''} | ${code(type.volatilePaths)} | ${code(type.secretPaths)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The table with its markers, as it stands in README.md. */
export function renderReadmeSection(catalog: DriverCatalog = digitalOceanCatalog): string {
  return `${readmeTypesStart}\n\n${renderResourceTypes(catalog)}\n\n${readmeTypesEnd}`;
}
