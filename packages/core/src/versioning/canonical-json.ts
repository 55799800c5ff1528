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
  return new Normalizer(path).value(value, 0);
}

// NOTE: runs over every node of every listed resource; the path of a node is kept as a stack of
// keys and only turned into text when a problem is reported.
class Normalizer {
  readonly #root: string;
  readonly #ancestors = new Set<object>();
  readonly #keys: Array<string | number> = [];

  constructor(root: string) {
    this.#root = root;
  }

  value(value: unknown, depth: number): JsonValue {
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
    if (depth > maximumDepth) throw this.#problem(`nested deeper than ${maximumDepth} levels`);
    const objectValue = value as object;
    if (this.#ancestors.has(objectValue)) throw this.#problem('cyclic reference');
    if (objectValue instanceof Date) {
      return Number.isNaN(objectValue.getTime()) ? null : objectValue.toISOString();
    }
    if (objectValue instanceof Uint8Array) return Buffer.from(objectValue).toString('base64');
    if (objectValue instanceof ArrayBuffer) return Buffer.from(objectValue).toString('base64');
    if (objectValue instanceof RegExp) return objectValue.toString();
    this.#ancestors.add(objectValue);
    try {
      if (Array.isArray(objectValue)) return this.#items(objectValue, depth);
      if (objectValue instanceof Set) return this.#items([...objectValue], depth);
      if (objectValue instanceof Map) return this.#entries(objectValue.entries(), depth);
      return this.#object(objectValue as Record<string, unknown>, depth);
    } finally {
      this.#ancestors.delete(objectValue);
    }
  }

  #items(items: unknown[], depth: number): JsonValue[] {
    const output: JsonValue[] = new Array(items.length);
    for (let index = 0; index < items.length; index += 1) {
      this.#keys.push(index);
      output[index] = this.value(items[index], depth + 1);
      this.#keys.pop();
    }
    return output;
  }

  #object(object: Record<string, unknown>, depth: number): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    const keys = Object.keys(object);
    for (let position = 0; position < keys.length; position += 1) {
      const key = keys[position] as string;
      const item = object[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      this.#keys.push(key);
      setOwn(result, key, this.value(item, depth + 1));
      this.#keys.pop();
    }
    return result;
  }

  #entries(entries: Iterable<[unknown, unknown]>, depth: number): { [key: string]: JsonValue } {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of entries) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      const keyText = String(key);
      this.#keys.push(keyText);
      setOwn(result, keyText, this.value(item, depth + 1));
      this.#keys.pop();
    }
    return result;
  }

  #problem(message: string): NormalizationProblem {
    const path = this.#keys
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
      .join('');
    return new NormalizationProblem(`${this.#root}${path}`, message);
  }
}

/** Deterministic JSON of an already-normalized value: keys sorted by code point, no spaces. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index] as JsonValue);
    }
    return `${text}]`;
  }
  const keys = Object.keys(value);
  // Most objects come from a provider already in order; sorting copies the array, so check first.
  for (let index = 1; index < keys.length; index += 1) {
    if ((keys[index - 1] as string) > (keys[index] as string)) {
      keys.sort();
      break;
    }
  }
  text = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (index > 0) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`;
  }
  return `${text}}`;
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

/**
 * `transform` applied to every value of an object, in key order; `undefined` drops the key. The
 * object itself comes back when every value did, so an unchanged subtree is shared, not copied.
 */
export function mapValuesShared(
  object: { [key: string]: JsonValue },
  transform: (item: JsonValue, key: string) => JsonValue | undefined,
): { [key: string]: JsonValue } {
  let output: { [key: string]: JsonValue } | undefined;
  const keys = Object.keys(object);
  for (let position = 0; position < keys.length; position += 1) {
    const key = keys[position] as string;
    const item = object[key] as JsonValue;
    const next = transform(item, key);
    if (next === item && output === undefined) continue;
    if (output === undefined) {
      output = {};
      for (let before = 0; before < position; before += 1) {
        const earlier = keys[before] as string;
        setOwn(output, earlier, object[earlier] as JsonValue);
      }
    }
    if (next !== undefined) setOwn(output, key, next);
  }
  return output ?? object;
}

/** `transform` applied to every item of an array; the array itself when every item came back. */
export function mapItemsShared(
  items: JsonValue[],
  transform: (item: JsonValue, index: number) => JsonValue,
): JsonValue[] {
  let output: JsonValue[] | undefined;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as JsonValue;
    const next = transform(item, index);
    if (next === item && output === undefined) continue;
    output ??= items.slice(0, index);
    output.push(next);
  }
  return output ?? items;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
