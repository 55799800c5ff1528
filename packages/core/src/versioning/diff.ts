import { canonicalJson, isPlainObject, type JsonValue, setOwn } from './canonical-json.ts';
import { type DiffPathSegment, formatDiffPath } from './diff-path.ts';

/** A structured diff over flattened paths. */
export interface ConfigurationDiff {
  /** Paths present only in the newer version. */
  added: Record<string, JsonValue>;
  /** Paths present only in the older version. */
  removed: Record<string, JsonValue>;
  /** Paths whose value changed. */
  updated: Record<string, { before: JsonValue; after: JsonValue }>;
  /** True when the diff was capped; the versions themselves hold everything. */
  truncated?: boolean;
  /** Number of changed paths before capping. */
  totalChanges?: number;
}

/** Options of `diffJson`. */
export interface DiffOptions {
  /** Cap on the number of changed paths kept. @default 1000 */
  maximumEntries?: number;
}

/** Keys that identify the elements of an array of objects, in order of preference. */
export const identityKeys = [
  'id',
  'Id',
  'ID',
  'Key',
  'key',
  'arn',
  'Arn',
  'ARN',
  'name',
  'Name',
] as const;

/** Diff two normalized values; arrays of objects with an identity are diffed element by element. */
export function diffJson(
  before: JsonValue,
  after: JsonValue,
  options: DiffOptions = {},
): ConfigurationDiff {
  const diff: ConfigurationDiff = { added: {}, removed: {}, updated: {} };
  const counter = { total: 0, maximum: options.maximumEntries ?? 1000 };
  diffValue(before, after, [], diff, counter);
  if (counter.total > counter.maximum) {
    diff.truncated = true;
    diff.totalChanges = counter.total;
  }
  return diff;
}

/** Number of changed paths in a diff. */
export function countDiffEntries(diff: ConfigurationDiff): number {
  return (
    Object.keys(diff.added).length +
    Object.keys(diff.removed).length +
    Object.keys(diff.updated).length
  );
}

interface Counter {
  total: number;
  maximum: number;
}

function record(
  diff: ConfigurationDiff,
  counter: Counter,
  bucket: 'added' | 'removed' | 'updated',
  path: DiffPathSegment[],
  value: JsonValue | { before: JsonValue; after: JsonValue },
): void {
  counter.total += 1;
  if (counter.total > counter.maximum) return;
  const key = formatDiffPath(path);
  if (bucket === 'updated')
    setOwn(diff.updated, key, value as { before: JsonValue; after: JsonValue });
  else setOwn(diff[bucket], key, value as JsonValue);
}

/**
 * Record an added or removed value as the description's flattened paths: one entry per leaf (a
 * scalar, an empty object or array, an array of scalars, or an array of objects without an
 * identity), so a new `placement` object shows as `configuration.placement.zone` and friends.
 * Elements of identity-keyed arrays keep their identity path (`rules[id="r-1"].port`).
 */
function recordLeaves(
  diff: ConfigurationDiff,
  counter: Counter,
  bucket: 'added' | 'removed',
  path: DiffPathSegment[],
  value: JsonValue,
): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const key of Object.keys(value))
      recordLeaves(diff, counter, bucket, [...path, { kind: 'key', key }], value[key] as JsonValue);
    return;
  }
  if (Array.isArray(value) && value.length > 0 && path.length > 0) {
    const identity = identityKeys.find((key) => isIdentityArray(value, key));
    if (identity) {
      for (const item of value) {
        const segment: DiffPathSegment = {
          kind: 'identity',
          key: identity,
          value: identityValue(item, identity),
        };
        recordLeaves(diff, counter, bucket, [...path, segment], item);
      }
      return;
    }
  }
  record(diff, counter, bucket, path, value);
}

function diffValue(
  before: JsonValue,
  after: JsonValue,
  path: DiffPathSegment[],
  diff: ConfigurationDiff,
  counter: Counter,
): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key))
        recordLeaves(
          diff,
          counter,
          'removed',
          [...path, { kind: 'key', key }],
          before[key] as JsonValue,
        );
    }
    for (const key of Object.keys(after)) {
      const childPath: DiffPathSegment[] = [...path, { kind: 'key', key }];
      if (!Object.hasOwn(before, key))
        recordLeaves(diff, counter, 'added', childPath, after[key] as JsonValue);
      else diffValue(before[key] as JsonValue, after[key] as JsonValue, childPath, diff, counter);
    }
    // An object that lost every key is itself a leaf of the newer version.
    if (path.length > 0 && Object.keys(after).length === 0 && Object.keys(before).length > 0)
      record(diff, counter, 'added', path, {});
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, diff, counter);
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after)) {
    record(diff, counter, 'updated', path, { before, after });
  }
}

function diffArrays(
  before: JsonValue[],
  after: JsonValue[],
  path: DiffPathSegment[],
  diff: ConfigurationDiff,
  counter: Counter,
): void {
  if (canonicalJson(before) === canonicalJson(after)) return;
  const hasObjects = before.some(isPlainObject) || after.some(isPlainObject);
  // A path must address something: an empty path means the whole document, which is never an array.
  if (!hasObjects || path.length === 0) {
    record(diff, counter, 'updated', path, { before, after });
    return;
  }
  // An array that lost every element is itself a leaf of the newer version.
  if (after.length === 0) record(diff, counter, 'added', path, []);
  const identity = sharedIdentityKey(before, after);
  if (identity) {
    const beforeById = new Map(before.map((item) => [identityValue(item, identity), item]));
    const afterById = new Map(after.map((item) => [identityValue(item, identity), item]));
    for (const [id, item] of beforeById) {
      if (!afterById.has(id))
        recordLeaves(
          diff,
          counter,
          'removed',
          [...path, { kind: 'identity', key: identity, value: id }],
          item,
        );
    }
    for (const [id, item] of afterById) {
      const childPath: DiffPathSegment[] = [
        ...path,
        { kind: 'identity', key: identity, value: id },
      ];
      if (!beforeById.has(id)) recordLeaves(diff, counter, 'added', childPath, item);
      else diffValue(beforeById.get(id) as JsonValue, item, childPath, diff, counter);
    }
    const beforeOrder = before
      .map((item) => identityValue(item, identity))
      .filter((id) => afterById.has(id));
    const afterOrder = after.map((item) => identityValue(item, identity));
    const keptAfterOrder = afterOrder.filter((id) => beforeById.has(id));
    const appendedAtEnd = afterOrder
      .slice(keptAfterOrder.length)
      .every((id) => !beforeById.has(id));
    if (canonicalJson(beforeOrder) !== canonicalJson(keptAfterOrder) || !appendedAtEnd) {
      record(diff, counter, 'updated', [...path, { kind: 'order', key: identity }], {
        before: before.map((item) => identityValue(item, identity)),
        after: afterOrder,
      });
    }
    return;
  }
  const common = Math.min(before.length, after.length);
  for (let index = 0; index < common; index += 1) {
    diffValue(
      before[index] as JsonValue,
      after[index] as JsonValue,
      [...path, { kind: 'index', index }],
      diff,
      counter,
    );
  }
  for (let index = common; index < before.length; index += 1) {
    record(
      diff,
      counter,
      'removed',
      [...path, { kind: 'index', index }],
      before[index] as JsonValue,
    );
  }
  for (let index = common; index < after.length; index += 1) {
    record(diff, counter, 'added', [...path, { kind: 'index', index }], after[index] as JsonValue);
  }
}

function identityValue(item: JsonValue, key: string): string | number {
  return (item as Record<string, JsonValue>)[key] as string | number;
}

// An identity key works only when every element of both arrays is an object with a unique
// string or number under it.
function sharedIdentityKey(before: JsonValue[], after: JsonValue[]): string | undefined {
  for (const key of identityKeys) {
    if (isIdentityArray(before, key) && isIdentityArray(after, key)) return key;
  }
  return undefined;
}

function isIdentityArray(items: JsonValue[], key: string): boolean {
  const seen = new Set<string | number>();
  for (const item of items) {
    if (!isPlainObject(item)) return false;
    const value = item[key];
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    if (seen.has(value)) return false;
    seen.add(value);
  }
  return true;
}
