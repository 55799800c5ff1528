import { InvalidResourceError } from '../errors/invalid-resource-error.ts';
import { resourceKey } from '../storage/record-ids.ts';
import {
  isPlainObject,
  type JsonValue,
  NormalizationProblem,
  normalizeJson,
  setOwn,
} from '../versioning/canonical-json.ts';
import { digestSections, type ResourceDigests } from '../versioning/digest.ts';
import { type PathPattern, removeAtPatterns } from '../versioning/path-pattern.ts';
import type { Redactor } from '../versioning/redaction.ts';

/**
 * A resource validated, normalized to JSON, redacted and digested: the listed fields (tags,
 * labels, configuration, metadata and raw now redacted) plus their stored text and digests.
 */
export interface PreparedResource extends ListedResource {
  /** `configuration` as JSON text, as it is stored. */
  configurationText: string;
  /** `raw` as JSON text (`null` when there is none). */
  rawText: string;
  digests: ResourceDigests;
  /** Short section digests joined by `|`, kept in the index. */
  sections: string;
  /** Approximate stored size in bytes. */
  size: number;
}

/**
 * What a queued write keeps of a prepared resource: the configuration and raw payload as JSON text
 * only. NOTE: writes wait in journaled batches of up to 256; holding each one's object tree there
 * got them all promoted to the old generation, and collecting them was a third of an initial
 * sync's CPU under the workers' heap flags. One string each is cheap to keep and to collect.
 */
export type PendingResource = Omit<PreparedResource, 'configuration' | 'raw'>;

/** The part of a prepared resource a queued write keeps (see `PendingResource`). */
export function pendingResource(prepared: PreparedResource): PendingResource {
  const { configuration: _configuration, raw: _raw, ...pending } = prepared;
  return pending;
}

/** Per-type path rules the engine applies. */
export interface ResourcePathRules {
  /** Patterns replaced by keyed hashes. */
  secretPatterns(resourceType: string): PathPattern[];
  /** Patterns left out of the digest. */
  volatilePatterns(resourceType: string): PathPattern[];
}

/** Largest resource the engine stores (normalized JSON). */
export const maximumResourceBytes = 8 * 1024 * 1024;

/** What `readResource` and `prepareResource` need besides the resource. */
export interface PrepareContext {
  cloudId: string;
  driver: string;
  redactor: Redactor;
  rules: ResourcePathRules;
  defaultAccountId?: string;
}

/** A listed resource validated and normalized to JSON, not yet redacted or digested. */
export interface ListedResource {
  key: string;
  resourceType: string;
  resourceId: string;
  service: string;
  region: string;
  name: string | null;
  accountId: string | null;
  provider: string | null;
  /** Tags as a flat map, before redaction. */
  tags: { [key: string]: JsonValue };
  /** Labels as a flat map, before redaction. */
  labels: { [key: string]: JsonValue };
  configuration: JsonValue;
  metadata: JsonValue;
  raw: JsonValue;
}

/** Validate and normalize one driver resource; throws InvalidResourceError naming the field. */
export function prepareResource(input: unknown, context: PrepareContext): PreparedResource {
  return redactAndDigest(readResource(input, context), context);
}

/**
 * The first half of `prepareResource`: validate and normalize (every check that can reject a
 * resource except the size limit, which is judged after redaction); throws InvalidResourceError.
 */
export function readResource(input: unknown, context: PrepareContext): ListedResource {
  const fail = (
    field: string,
    message: string,
    extra: { resourceType?: string; resourceId?: string; cause?: unknown } = {},
  ) =>
    new InvalidResourceError({
      message,
      field,
      cloudId: context.cloudId,
      driver: context.driver,
      ...extra,
    });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw fail(
      'resource',
      `driver ${context.driver} yielded ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input} instead of a resource object`,
    );
  }
  const resource = input as Record<string, unknown>;
  const resourceType = resource.resourceType;
  const rawId = resource.resourceId;
  const idText = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
  if (typeof resourceType !== 'string' || resourceType.trim() === '') {
    throw fail(
      'resourceType',
      `resource ${typeof idText === 'string' ? `"${idText}" ` : ''}has no resourceType (expected a non-empty string such as "aws.ec2.instance")`,
      typeof idText === 'string' ? { resourceId: idText } : {},
    );
  }
  if (typeof idText !== 'string' || idText.trim() === '') {
    throw fail(
      'resourceId',
      `${resourceType} resource has ${idText === '' ? 'an empty' : 'no'} resourceId (expected a non-empty string)`,
      { resourceType },
    );
  }
  if (idText.length > 2048)
    throw fail('resourceId', `${resourceType} resourceId is longer than 2048 characters`, {
      resourceType,
      resourceId: idText.slice(0, 80),
    });
  const label = { resourceType, resourceId: idText };
  const optionalText = (field: string, value: unknown): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw fail(field, `${resourceType} "${idText}": ${field} must be a string`, label);
  };
  const region = optionalText('region', resource.region) ?? 'global';
  const service =
    optionalText('service', resource.service) ?? resourceType.split('.')[1] ?? resourceType;
  const name = optionalText('name', resource.name);

  let normalized: Record<string, JsonValue>;
  try {
    normalized = {
      configuration: normalizeJson(resource.configuration ?? null, 'configuration'),
      tags: normalizeJson(resource.tags ?? null, 'tags'),
      labels: normalizeJson(resource.labels ?? null, 'labels'),
      metadata: normalizeJson(resource.metadata ?? null, 'metadata'),
      raw: normalizeJson(resource.raw ?? null, 'raw'),
    };
  } catch (error) {
    if (error instanceof NormalizationProblem) {
      throw fail(error.path, `${resourceType} "${idText}": ${error.message}`, {
        ...label,
        cause: error,
      });
    }
    throw error;
  }
  const tags = keyValues('tags', normalized.tags as JsonValue, fail, label);
  const labels = keyValues('labels', normalized.labels as JsonValue, fail, label);
  return {
    key: resourceKey(resourceType, idText),
    resourceType,
    resourceId: idText,
    service,
    region,
    name,
    accountId: optionalText('accountId', resource.accountId) ?? context.defaultAccountId ?? null,
    provider: optionalText('provider', resource.provider),
    tags,
    labels,
    configuration: normalized.configuration as JsonValue,
    metadata: normalized.metadata as JsonValue,
    raw: normalized.raw as JsonValue,
  };
}

/** The second half of `prepareResource`: redact, check the size limit, digest. */
export function redactAndDigest(listed: ListedResource, context: PrepareContext): PreparedResource {
  const { resourceType, resourceId, name, region } = listed;
  const secretPatterns = context.rules.secretPatterns(resourceType);
  const configuration = context.redactor.redact(listed.configuration, secretPatterns);
  const raw = context.redactor.redact(listed.raw, secretPatterns);
  const metadata = context.redactor.redact(listed.metadata, []);
  const redactedTags = context.redactor.redact(listed.tags, []) as { [key: string]: JsonValue };
  const redactedLabels = context.redactor.redact(listed.labels, []) as { [key: string]: JsonValue };

  const configurationText = JSON.stringify(configuration);
  const rawText = JSON.stringify(raw);
  const size = configurationText.length + rawText.length;
  if (size > maximumResourceBytes) {
    throw new InvalidResourceError({
      message: `${resourceType} "${resourceId}": configuration is ${(size / 1048576).toFixed(1)} MB, over the ${maximumResourceBytes / 1048576} MB limit`,
      field: 'configuration',
      cloudId: context.cloudId,
      driver: context.driver,
      resourceType,
      resourceId,
    });
  }
  const digests = digestSections({
    configuration: removeAtPatterns(configuration, context.rules.volatilePatterns(resourceType)),
    tags: redactedTags,
    labels: redactedLabels,
    location: { name, region },
  });
  const sectionText = [
    digests.sections.configuration,
    digests.sections.tags,
    digests.sections.labels,
    digests.sections.location,
  ]
    .map((digest) => digest.slice(0, 12))
    .join('|');
  return {
    ...listed,
    tags: redactedTags,
    labels: redactedLabels,
    configuration,
    metadata,
    raw,
    configurationText,
    rawText,
    digests,
    sections: sectionText,
    size,
  };
}

// Tags must be a flat map; values that are not strings are stored as text so they compare stably.
function keyValues(
  field: 'tags' | 'labels',
  value: JsonValue,
  fail: (
    field: string,
    message: string,
    extra?: { resourceType?: string; resourceId?: string },
  ) => InvalidResourceError,
  label: { resourceType: string; resourceId: string },
): { [key: string]: JsonValue } {
  if (value === null) return {};
  if (Array.isArray(value)) {
    // [{ Key, Value }] and [{ key, value }] are common provider shapes.
    const output: { [key: string]: JsonValue } = {};
    for (const item of value) {
      if (isPlainObject(item) && ('Key' in item || 'key' in item)) {
        setOwn(output, String(item.Key ?? item.key), stringify(item.Value ?? item.value ?? null));
      } else if (typeof item === 'string') {
        const separator = item.indexOf(':');
        if (separator > 0) setOwn(output, item.slice(0, separator), item.slice(separator + 1));
        else setOwn(output, item, '');
      } else {
        throw fail(
          field,
          `${label.resourceType} "${label.resourceId}": ${field} must be an object of key/value pairs`,
          label,
        );
      }
    }
    return output;
  }
  if (!isPlainObject(value))
    throw fail(
      field,
      `${label.resourceType} "${label.resourceId}": ${field} must be an object of key/value pairs`,
      label,
    );
  const output: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) setOwn(output, key, stringify(item));
  return output;
}

function stringify(value: JsonValue): JsonValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
