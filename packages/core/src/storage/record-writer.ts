import { getBehavior } from 's3db.js/lite';
import { createRecordMapper } from './record-mapping.ts';

/**
 * Writes the engine's per-resource records (snapshots, versions, changes) in s3db.js's own stored
 * format, built by s3db.js's own schema `mapper` and behavior, then one `client.putObject`.
 *
 * Why not `resource.insert` / `replace`: for a record holding a configuration, s3db.js's record API
 * deep-clones the whole object four times (validator, mapper, its hook pass, and the unmapper that
 * rebuilds the inserted record to return it), sanitizes it and parses the body back to pick a
 * content type. That was ≈ 55% of an initial sync's CPU on memory:// (bench/README.md, "Profiles").
 * Here the `json` attributes are serialized once, up front, which is exactly what s3db.js's `toJSON`
 * hook does to them, so the mapper's clones copy strings; the bytes stored are identical (a test
 * compares them object for object with `insert`'s), and `get`, `getAll` and `list` read them as ever.
 *
 * What it does not do, on purpose: s3db.js hooks, middleware and events. A resource anyone watches
 * (a listener, a hook, a middleware, e.g. a replication plugin) is written through the record API
 * instead, as is a record whose fields the resource's own schema does not describe in the simple
 * types checked here.
 */
export interface RecordWriter {
  /** Create a record; fails with a precondition error (412) when the id exists. */
  insert(resource: any, id: string, fields: Record<string, unknown>): Promise<void>;
  /** Create or overwrite a record. */
  replace(resource: any, id: string, fields: Record<string, unknown>): Promise<void>;
}

/** A value already serialized as JSON, stored as is in a `json` attribute (no second serialization). */
export class JsonText {
  /** The JSON text. */
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

type AttributeKind = 'string' | 'number' | 'boolean' | 'json';

interface AttributeRule {
  kind: AttributeKind;
  optional: boolean;
}

const writeHooks = [
  'beforeInsert',
  'afterInsert',
  'beforeUpdate',
  'afterUpdate',
  'beforeReplace',
  'afterReplace',
];

/** A record writer over s3db.js's mapper and client, falling back to the record API (see above). */
export function createRecordWriter(): RecordWriter {
  // Per schema: its attribute rules and which of them are JSON (null: not plain enough to map here).
  const schemaRules = new WeakMap<
    object,
    { rules: Map<string, AttributeRule>; jsonNames: ReadonlySet<string> } | null
  >();
  const mapRecord = createRecordMapper();
  const rulesOf = (resource: any) => {
    const schema = resource.schema;
    if (!schemaRules.has(schema)) {
      const rules = attributeRules(schema?.attributes);
      const jsonNames = new Set(
        [...(rules ?? [])].flatMap(([name, rule]) => (rule.kind === 'json' ? [name] : [])),
      );
      schemaRules.set(schema, rules ? { rules, jsonNames } : null);
    }
    return schemaRules.get(schema) ?? null;
  };
  const write = async (
    resource: any,
    id: string,
    fields: Record<string, unknown>,
    mode: 'insert' | 'replace',
  ) => {
    const schema = rulesOf(resource);
    const encoded = schema && !isWatched(resource) ? encodeFields(fields, schema.rules) : null;
    if (!schema || !encoded) {
      const values = parseJsonTexts(fields);
      if (mode === 'insert') await resource.insert({ id, ...values });
      else await resource.replace(id, values);
      return;
    }
    const mapped = await mapRecord(resource.schema, encoded, schema.jsonNames);
    mapped._v = String(resource.version);
    const { mappedData: metadata, body } = await getBehavior(resource.behavior).handleInsert({
      resource,
      data: encoded,
      mappedData: mapped as Record<string, string>,
      originalData: { id, ...encoded },
    });
    await resource.client.putObject({
      key: resource.getResourceKey(id),
      body,
      // As the record API does: JSON when there is a body (body-overflow may leave it empty).
      ...(body ? { contentType: 'application/json' } : {}),
      metadata,
      ...(mode === 'insert' ? { ifNoneMatch: '*' } : {}),
    });
  };
  return {
    insert: (resource, id, fields) => write(resource, id, fields, 'insert'),
    replace: (resource, id, fields) => write(resource, id, fields, 'replace'),
  };
}

/** The writer the engine shares (its per-schema caches are keyed by schema, so one serves all). */
export const recordWriter: RecordWriter = createRecordWriter();

/** The simple attribute types of a schema, or null when any attribute is something else. */
function attributeRules(attributes: unknown): Map<string, AttributeRule> | null {
  if (!attributes || typeof attributes !== 'object') return null;
  const rules = new Map<string, AttributeRule>();
  for (const [name, definition] of Object.entries(attributes)) {
    if (typeof definition !== 'string') return null;
    const [kind, ...modifiers] = definition.split('|');
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && kind !== 'json')
      return null;
    if (modifiers.some((modifier) => modifier !== 'optional')) return null;
    rules.set(name, { kind, optional: modifiers.includes('optional') });
  }
  return rules;
}

/** True when hooks, middleware or listeners would see the record API's writes. */
function isWatched(resource: any): boolean {
  if (resource.behavior !== 'body-only' && resource.behavior !== 'body-overflow') return true;
  if (resource.config?.timestamps || resource.config?.versioningEnabled) return true;
  if (typeof resource.eventNames !== 'function' || resource.eventNames().length > 0) return true;
  if (resource._eventsModule?._pendingListeners) return true;
  const hooks = resource.hooks ?? {};
  if (writeHooks.some((hook) => (hooks[hook]?.length ?? 0) > 0)) return true;
  const middleware = resource._middleware;
  if (!middleware || typeof middleware.getMiddlewareCount !== 'function') return true;
  if (middleware.getMiddlewareCount('insert') > 0 || middleware.getMiddlewareCount('replace') > 0)
    return true;
  const partitions = resource.config?.partitions;
  return Boolean(partitions && Object.keys(partitions).length > 0);
}

/**
 * The fields with `json` attributes serialized, or null when a field does not fit its attribute
 * (the record API then reports it with s3db.js's own validation message).
 */
function encodeFields(
  fields: Record<string, unknown>,
  rules: Map<string, AttributeRule>,
): Record<string, unknown> | null {
  const encoded: Record<string, unknown> = {};
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined) continue;
    const rule = rules.get(name);
    // null, an empty string and a string for a json attribute are left to s3db.js's own rules.
    if (!rule || value === null || value === '') return null;
    if (value instanceof JsonText) {
      if (rule.kind !== 'json') return null;
      encoded[name] = value.text;
    } else if (rule.kind === 'json') {
      if (typeof value === 'string') return null;
      encoded[name] = JSON.stringify(value);
    } else if (rule.kind === 'number' ? Number.isFinite(value) : typeof value === rule.kind) {
      encoded[name] = value;
    } else return null;
  }
  for (const [name, rule] of rules) if (!rule.optional && !(name in encoded)) return null;
  return encoded;
}

/** The fields with every `JsonText` parsed back, for s3db.js's record API. */
function parseJsonTexts(fields: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name in fields) {
    const value = fields[name];
    values[name] = value instanceof JsonText ? JSON.parse(value.text) : value;
  }
  return values;
}
