// Prints the "Resource types" tables of README.md from the mocks' catalogs.
// Run: node --conditions=source scripts/readme-types.ts
import { mockProviders } from '../src/driver.ts';

const lines: string[] = [];
for (const provider of mockProviders) {
  const catalog = provider.create().catalog;
  const aliases =
    provider.aliases.length > 0
      ? ` (alias ${provider.aliases.map((alias) => `\`${alias}\``).join(', ')})`
      : '';
  lines.push(`### \`${provider.name}\`${aliases}`, '');
  lines.push(
    `Account \`${provider.definition.defaultAccountId}\`; regions ${provider.definition.regions.map((region) => `\`${region}\``).join(', ')}.`,
    '',
  );
  lines.push('| service | type | volatile paths | secret paths |', '|---|---|---|---|');
  for (const service of catalog.services) {
    for (const type of service.resourceTypes) {
      const paths = (list: string[] | undefined) =>
        list && list.length > 0 ? list.map((path) => `\`${path}\``).join(', ') : '';
      lines.push(
        `| \`${service.name}\`${service.global ? ' (global)' : ''} | \`${type.type}\` | ${paths(type.volatilePaths)} | ${paths(type.secretPaths)} |`,
      );
    }
  }
  lines.push('');
}
process.stdout.write(lines.join('\n'));
