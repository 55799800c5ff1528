// The generated sections of README.md: resource types, tag strategy and the read-only policy,
// all from the catalog and the permissions table. `scripts/readme-types.ts` writes them.
import { awsCatalog, awsReadOnlyPolicy, awsServiceAccess, awsTypeAccess } from '../src/driver.ts';

const code = (text: string) => `\`${text}\``;
const paths = (list: string[] | undefined) => (list ?? []).map(code).join(', ');

/** The services and resource types table. */
export function resourceTypesSection(): string {
  const lines = [
    '| service | resource type | what it is | volatile paths | secret paths |',
    '|---|---|---|---|---|',
  ];
  for (const service of awsCatalog.services) {
    for (const type of service.resourceTypes) {
      lines.push(
        `| ${code(service.name)}${service.global ? ' (global)' : ''} | ${code(type.type)} | ${type.description ?? ''} | ${paths(type.volatilePaths)} | ${paths(type.secretPaths)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** How each service's tags are collected. */
export function tagStrategySection(): string {
  const lines = ['| service | tags |', '|---|---|'];
  for (const service of awsCatalog.services) {
    lines.push(`| ${code(service.name)} | ${awsServiceAccess[service.name]?.tags ?? ''} |`);
  }
  return lines.join('\n');
}

/** The IAM actions each resource type needs: to be listed at all, and per resource. */
export function typePermissionsSection(): string {
  const actions = (list: string[] | undefined) => (list ?? []).map(code).join(', ');
  const lines = [
    '| resource type | to list it (denied: the type fails in that region) | per resource (denied: kept without that part) |',
    '|---|---|---|',
  ];
  for (const service of awsCatalog.services) {
    for (const type of service.resourceTypes) {
      const access = awsTypeAccess[type.type];
      const fallback = access?.fallback
        ? ` (denied: falls back to ${actions(access.fallback)}, without policies)`
        : '';
      lines.push(
        `| ${code(type.type)} | ${actions(access?.list)}${fallback} | ${actions(access?.enrich)} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The read-only IAM policy as a JSON code block. */
export function policySection(): string {
  return ['```json', JSON.stringify(awsReadOnlyPolicy(), null, 2), '```'].join('\n');
}

/** Every generated section by marker name. */
export const readmeSections: Record<string, () => string> = {
  'resource-types': resourceTypesSection,
  'tag-strategy': tagStrategySection,
  'type-permissions': typePermissionsSection,
  policy: policySection,
};

/** Replace the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers. */
export function renderReadme(readme: string): string {
  let result = readme;
  for (const [name, render] of Object.entries(readmeSections)) {
    const start = `<!-- generated:${name} (scripts/readme-types.ts, do not edit) -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${name} markers`);
    result = `${result.slice(0, from + start.length)}\n${render()}\n${result.slice(to)}`;
  }
  return result;
}
