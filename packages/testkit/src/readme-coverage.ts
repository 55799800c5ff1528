import type { DriverCatalog } from '@cloud-inventory/core';

/** What a driver's README must name. */
export interface ReadmeCoverage {
  /** Every service and resource type of this catalog, each as inline code. */
  catalog?: DriverCatalog;
  /** Config options, each with a row of its own in an options table (`| \`name\` |`). */
  options?: readonly string[];
  /** Text the README must contain as it is (credential fields, variables, SDK names). */
  mentions?: readonly string[];
}

/** What the README fails to name, one entry each; empty when it names everything. */
export function readmeOmissions(readme: string, coverage: ReadmeCoverage): string[] {
  const missing: string[] = [];
  for (const service of coverage.catalog?.services ?? []) {
    if (!readme.includes(`\`${service.name}\``)) missing.push(`service \`${service.name}\``);
    for (const { type } of service.resourceTypes) {
      if (!readme.includes(`\`${type}\``)) missing.push(`resource type \`${type}\``);
    }
  }
  for (const option of coverage.options ?? []) {
    // Biome pads table cells, so the option's cell may end in any number of spaces.
    if (!new RegExp(`\\| \`${option}\` +\\|`).test(readme))
      missing.push(`option row \`${option}\``);
  }
  for (const mention of coverage.mentions ?? []) {
    if (!readme.includes(mention)) missing.push(mention);
  }
  return missing;
}
