import {
  type DriverCatalog,
  resolveTerraformImport,
  type TerraformImportDescriptor,
  type TerraformImportSource,
  terraformDescriptors,
} from '@cloud-inventory/core';

/** One inventory resource to import, as the export reads it. */
export interface TerraformCandidate extends TerraformImportSource {
  /** Inventory id (`cloudId:resourceType:resourceId`). */
  id: string;
  /** Cloud id. */
  cloudId: string;
  /** Resource type. */
  resourceType: string;
}

/** The `terraform` declarations of every resource type in some catalogs. */
export type TerraformDeclarations = Map<string, TerraformImportDescriptor[]>;

/** Index the catalogs' `terraform` declarations by resource type (a declaring catalog wins over a mock's). */
export function terraformDeclarations(catalogs: readonly DriverCatalog[]): TerraformDeclarations {
  const declarations: TerraformDeclarations = new Map();
  for (const catalog of catalogs)
    for (const service of catalog.services)
      for (const descriptor of service.resourceTypes) {
        const found = terraformDescriptors(descriptor.terraform);
        if (found.length > 0 || !declarations.has(descriptor.type))
          declarations.set(descriptor.type, found);
      }
  return declarations;
}

/** True when some import of `resourceType` reads the configuration (so the export loads it). */
export function needsConfiguration(
  declarations: TerraformDeclarations,
  resourceType: string,
): boolean {
  return (declarations.get(resourceType) ?? []).some(
    (descriptor) =>
      descriptor.importId.includes('{configuration.') ||
      descriptor.only?.path.startsWith('configuration.') === true,
  );
}

/** A Terraform identifier: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function terraformName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (name === '') return 'resource';
  return /^[a-z_]/.test(name) ? name : `r_${name}`;
}

/** A string literal in HCL: quotes, backslashes and template sequences escaped. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

interface PlannedImport {
  candidate: TerraformCandidate;
  type: string;
  importId: string;
}

/**
 * The text of `export --format terraform`: a leading comment (what it is, how to use it, every
 * resource it skipped and why), then one `import` block per importable resource, grouped by cloud
 * and region, in a stable order.
 */
export function renderTerraformImports(
  candidates: readonly TerraformCandidate[],
  declarations: TerraformDeclarations,
): string {
  const planned: PlannedImport[] = [];
  const skipped: Array<{ candidate: TerraformCandidate; reason: string }> = [];
  for (const candidate of candidates) {
    const outcome = resolveTerraformImport(
      candidate.resourceType,
      declarations.get(candidate.resourceType),
      candidate,
    );
    if ('reason' in outcome) skipped.push({ candidate, reason: outcome.reason });
    else planned.push({ candidate, type: outcome.type, importId: outcome.id });
  }
  const order = (left: PlannedImport, right: PlannedImport) =>
    left.candidate.cloudId.localeCompare(right.candidate.cloudId) ||
    String(left.candidate.region ?? '').localeCompare(String(right.candidate.region ?? '')) ||
    left.type.localeCompare(right.type) ||
    left.candidate.id.localeCompare(right.candidate.id);
  planned.sort(order);
  skipped.sort((left, right) => left.candidate.id.localeCompare(right.candidate.id));

  const lines = [
    '# Terraform import blocks (Terraform >= 1.5), written by `cloud-inventory export --format terraform`.',
    "# Put this file next to the providers' configuration, then generate the resources with",
    '#   terraform plan -generate-config-out=generated.tf',
    '# A resource of another region or account than the default provider block needs an alias:',
    '# add `provider = <provider>.<alias>` to its block (they are grouped by cloud and region).',
    `# ${planned.length} resource${planned.length === 1 ? '' : 's'} to import, ${skipped.length} skipped.`,
  ];
  if (skipped.length > 0) {
    lines.push('#', '# Skipped:');
    for (const { candidate, reason } of skipped)
      lines.push(`#   ${commentText(candidate.id)}: ${commentText(reason)}`);
  }
  const taken = new Set<string>();
  let group = '';
  for (const { candidate, type, importId } of planned) {
    const heading = `${candidate.cloudId}, ${candidate.region ?? 'no region'}`;
    if (heading !== group) {
      lines.push('', `# ${commentText(heading)}`);
      group = heading;
    }
    const base = terraformName(String(candidate.name || candidate.resourceId));
    let name = base;
    for (let suffix = 2; taken.has(`${type}.${name}`); suffix += 1) name = `${base}_${suffix}`;
    taken.add(`${type}.${name}`);
    lines.push(
      `# ${commentText(candidate.id)}`,
      'import {',
      `  to = ${type}.${name}`,
      `  id = ${hclString(importId)}`,
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}
