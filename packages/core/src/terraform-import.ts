import type { TerraformImportDescriptor } from './types.ts';

/** The fields of a resource an import id template can read (a CloudResource or a snapshot record). */
export interface TerraformImportSource {
  /** The provider's id. */
  resourceId: string;
  /** Display name. */
  name?: string | null;
  /** Region or location. */
  region?: string | null;
  /** Account, project or team id. */
  accountId?: string | null;
  /** Tags. */
  tags?: Record<string, unknown> | null;
  /** The resource's configuration (its latest version). */
  configuration?: unknown;
}

/** A resolved import: the Terraform resource type and the id to import. */
export interface TerraformImport {
  /** Terraform resource type. */
  type: string;
  /** Import id. */
  id: string;
}

/** Why a resource cannot be imported. */
export interface TerraformImportSkip {
  /** Human reason (`no Terraform resource for hetzner.iso`, `configuration.Name is missing`). */
  reason: string;
}

const placeholder = /\{([^{}|]+)((?:\|[a-zA-Z]+:[^{}|]*)*)\}/g;

function valueAt(source: TerraformImportSource, path: string): unknown {
  const [head, ...rest] = path.split('.');
  let value: unknown = (source as unknown as Record<string, unknown>)[head ?? ''];
  for (const key of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function applyPipe(text: string, pipe: string): string | undefined {
  const separator = pipe.indexOf(':');
  const name = pipe.slice(0, separator);
  const argument = pipe.slice(separator + 1);
  if (name === 'trimEnd')
    return (text.endsWith(argument) ? text.slice(0, -argument.length) : text) || undefined;
  const at = name === 'afterLast' ? text.lastIndexOf(argument) : text.indexOf(argument);
  if (at < 0) return undefined;
  if (name === 'after' || name === 'afterLast')
    return text.slice(at + argument.length) || undefined;
  if (name === 'before') return text.slice(0, at) || undefined;
  throw new Error(`unknown import id template pipe "${name}"`);
}

/** Fill an import id template from a resource; a missing value is a skip naming the path. */
export function renderImportId(
  template: string,
  source: TerraformImportSource,
): string | TerraformImportSkip {
  let missing: string | undefined;
  const id = template.replace(placeholder, (_match, path: string, pipes: string) => {
    let text = scalarText(valueAt(source, path.trim()));
    for (const pipe of pipes.split('|').filter(Boolean)) {
      if (text !== undefined) text = applyPipe(text, pipe);
    }
    if (text === undefined) missing ??= `${path.trim()}${pipes}`;
    return text ?? '';
  });
  return missing ? { reason: `${missing} has no value` } : id;
}

/** The descriptors of a catalog entry as a list. */
export function terraformDescriptors(
  terraform: TerraformImportDescriptor | TerraformImportDescriptor[] | undefined,
): TerraformImportDescriptor[] {
  if (!terraform) return [];
  return Array.isArray(terraform) ? terraform : [terraform];
}

/** How Terraform imports `source`, by the first descriptor whose `only` matches, or why it cannot. */
export function resolveTerraformImport(
  resourceType: string,
  terraform: TerraformImportDescriptor | TerraformImportDescriptor[] | undefined,
  source: TerraformImportSource,
): TerraformImport | TerraformImportSkip {
  const descriptors = terraformDescriptors(terraform);
  if (descriptors.length === 0) return { reason: `no Terraform resource imports ${resourceType}` };
  const matching = descriptors.filter(
    (descriptor) =>
      !descriptor.only ||
      descriptor.only.values.includes(scalarText(valueAt(source, descriptor.only.path)) ?? ''),
  );
  if (matching.length === 0) {
    const wanted = new Map<string, string[]>();
    for (const descriptor of descriptors) {
      if (!descriptor.only) continue;
      wanted.set(descriptor.only.path, [
        ...(wanted.get(descriptor.only.path) ?? []),
        ...descriptor.only.values,
      ]);
    }
    const conditions = [...wanted.entries()].map(
      ([path, values]) =>
        `${path} is ${values.join(' or ')} (it is ${scalarText(valueAt(source, path)) ?? 'not set'})`,
    );
    return { reason: `only imported when ${conditions.join(' and ')}` };
  }
  // The first descriptor whose template has every value wins (a longer form first, e.g. with a
  // set identifier, then the plain one); otherwise the first one's reason.
  let firstSkip: TerraformImportSkip | undefined;
  for (const descriptor of matching) {
    const id = renderImportId(descriptor.importId, source);
    if (typeof id === 'string') return { type: descriptor.type, id };
    firstSkip ??= id;
  }
  return firstSkip!;
}
