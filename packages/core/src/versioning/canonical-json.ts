/** A value that is plain JSON. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** Why a value cannot be turned into JSON. */
export class NormalizationProblem extends Error {
  /** Path of the offending value (`configuration.a.b[2]`). */
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'NormalizationProblem';
    this.path = path;
  }
}

const maximumDepth = 200;

/**
 * Turn any driver value into plain JSON: Dates to ISO strings, BigInt to decimal strings, bytes to
 * base64, Map to objects, Set to arrays; undefined, functions and symbols are dropped; non-finite
 * numbers become null; cycles throw with the path.
 */
export function normalizeJson(value: unknown, path = '$'): JsonValue {
  return normalizeValue(value, path, new Set(), 0);
}

function normalizeValue(
  value: unknown,
  path: string,
  ancestors: Set<object>,
  depth: number,
): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? value : value.toWellFormed();
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return null;
      return Object.is(value, -0) ? 0 : value;
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return null;
    default:
      break;
  }
  if (depth > maximumDepth)
    throw new NormalizationProblem(path, `nested deeper than ${maximumDepth} levels`);
  const objectValue = value as object;
  if (ancestors.has(objectValue)) throw new NormalizationProblem(path, 'cyclic reference');
  if (objectValue instanceof Date) {
    return Number.isNaN(objectValue.getTime()) ? null : objectValue.toISOString();
  }
  if (objectValue instanceof Uint8Array) return Buffer.from(objectValue).toString('base64');
  if (objectValue instanceof ArrayBuffer) return Buffer.from(objectValue).toString('base64');
  if (objectValue instanceof RegExp) return objectValue.toString();
  ancestors.add(objectValue);
  try {
    if (Array.isArray(objectValue)) {
      return objectValue.map((item, index) =>
        normalizeValue(item, `${path}[${index}]`, ancestors, depth + 1),
      );
    }
    if (objectValue instanceof Set) {
      return [...objectValue].map((item, index) =>
        normalizeValue(item, `${path}[${index}]`, ancestors, depth + 1),
      );
    }
    const entries: Iterable<[unknown, unknown]> =
      objectValue instanceof Map ? objectValue.entries() : Object.entries(objectValue);
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of entries) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      const keyText = String(key);
      setOwn(result, keyText, normalizeValue(item, `${path}.${keyText}`, ancestors, depth + 1));
    }
    return result;
  } finally {
    ancestors.delete(objectValue);
  }
}

/** Deterministic JSON of an already-normalized value: keys sorted by code point, no spaces. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

/**
 * Set an own, enumerable property. NOTE: plain assignment of `__proto__` replaces the prototype
 * instead, so a provider key named `__proto__` (a legal tag key) would vanish.
 */
export function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
