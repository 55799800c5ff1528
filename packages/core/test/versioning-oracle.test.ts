import { describe, expect, test } from 'vitest';
import {
  canonicalJson,
  isPlainObject,
  type JsonValue,
  NormalizationProblem,
  normalizeJson,
  setOwn,
} from '../src/versioning/canonical-json.ts';
import {
  type PatternSegment,
  parsePathPattern,
  removeAtPatterns,
  transformAtPatterns,
} from '../src/versioning/path-pattern.ts';
import { compilePatterns, defaultSecretPatterns, Redactor } from '../src/versioning/redaction.ts';

// The straightforward walk the automaton replaced: it re-derives the active patterns at every node.
// Kept as the oracle; stored digests depend on both giving exactly the same values.
function oracleTransform(
  value: JsonValue,
  patterns: PatternSegment[][],
  replace: (matched: JsonValue) => JsonValue | undefined,
): JsonValue {
  if (patterns.length === 0) return value;
  const result = oracleWalk(value, patterns, replace);
  return result === undefined ? null : result;
}

function oracleWalk(
  node: JsonValue,
  active: PatternSegment[][],
  replace: (matched: JsonValue) => JsonValue | undefined,
): JsonValue | undefined {
  const expanded: PatternSegment[][] = [];
  const queue = [...active];
  while (queue.length > 0) {
    const segments = queue.pop() as PatternSegment[];
    expanded.push(segments);
    if (segments[0]?.kind === 'anyDepth') queue.push(segments.slice(1));
  }
  if (expanded.some((segments) => segments.length === 0)) return replace(node);
  const advance = (key: string, isIndex: boolean) =>
    expanded.flatMap((segments) => {
      const head = segments[0];
      if (!head) return [];
      if (head.kind === 'anyDepth') return [segments];
      if (head.kind === 'anyKey') return [segments.slice(1)];
      if (head.kind === 'anyIndex' && isIndex) return [segments.slice(1)];
      if (head.kind === 'key' && head.key === key) return [segments.slice(1)];
      return [];
    });
  if (Array.isArray(node)) {
    return node.map((item, index) => {
      const next = advance(String(index), true);
      if (next.length === 0) return item;
      const replaced = oracleWalk(item, next, replace);
      return replaced === undefined ? null : replaced;
    });
  }
  if (isPlainObject(node)) {
    const output: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(node)) {
      const next = advance(key, false);
      const replaced = next.length === 0 ? item : oracleWalk(item, next, replace);
      if (replaced !== undefined) setOwn(output, key, replaced);
    }
    return output;
  }
  return node;
}

// A small seeded generator (mulberry32): the same trees on every run.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const keys = ['a', 'b', 'Environment', 'Variables', 'env', 'value', '0', '1', 'password', 'x'];

function tree(next: () => number, depth: number): JsonValue {
  const pick = next();
  if (depth > 4 || pick < 0.3) {
    const leaf = next();
    if (leaf < 0.25) return null;
    if (leaf < 0.5) return Math.floor(next() * 100);
    if (leaf < 0.6) return 'postgres://admin:pw@db/app';
    return keys[Math.floor(next() * keys.length)] as string;
  }
  if (pick < 0.55) {
    return Array.from({ length: Math.floor(next() * 4) }, () => tree(next, depth + 1));
  }
  const output: { [key: string]: JsonValue } = {};
  const count = Math.floor(next() * 5);
  for (let index = 0; index < count; index += 1)
    setOwn(output, keys[Math.floor(next() * keys.length)] as string, tree(next, depth + 1));
  return output;
}

const patternSources = [
  ...defaultSecretPatterns,
  'a.b',
  '*.x',
  'a[*].value',
  '**.b[0]',
  '**.0',
  'x.**.a',
  '**',
  'Environment.*.*',
];

describe('pattern automaton against the straightforward walk', () => {
  test('removal and replacement agree on 2,000 seeded trees and pattern sets', () => {
    const next = random(19);
    for (let trial = 0; trial < 2000; trial += 1) {
      const value = tree(next, 0);
      const sources = patternSources.filter(() => next() < 0.35);
      const patterns = compilePatterns(sources);
      const segments = patterns.map((pattern) => pattern.segments);
      expect(removeAtPatterns(value, patterns)).toEqual(
        oracleTransform(value, segments, () => undefined),
      );
      const mark = (matched: JsonValue) => `<${JSON.stringify(matched)}>`;
      expect(transformAtPatterns(value, patterns, mark)).toEqual(
        oracleTransform(value, segments, mark),
      );
    }
  });

  test('an unchanged subtree is shared, not copied, and the input is never modified', () => {
    const value = { keep: { deep: [1, { a: 2 }] }, drop: { b: 1 } } as JsonValue;
    const snapshot = JSON.stringify(value);
    const output = removeAtPatterns(value, [parsePathPattern('drop.b')]) as Record<string, any>;
    expect(output.keep).toBe((value as Record<string, any>).keep);
    expect(output.drop).toEqual({});
    expect(JSON.stringify(value)).toBe(snapshot);
    expect(removeAtPatterns(value, [parsePathPattern('nothing.here')])).toBe(value);
  });

  test('redaction gives the same markers whichever walk found them', () => {
    const redactor = new Redactor('r'.repeat(32));
    const next = random(7);
    const patterns = compilePatterns(defaultSecretPatterns);
    for (let trial = 0; trial < 300; trial += 1) {
      const value = tree(next, 0);
      const oracle = oracleTransform(
        value,
        patterns.map((pattern) => pattern.segments),
        (matched) => redactor.redact(matched, compilePatterns(['**'])),
      );
      const viaPatterns = redactor.redact(value, patterns);
      // The shape pass runs after the patterns in both; compare what the patterns alone did.
      expect(JSON.stringify(viaPatterns)).toBe(JSON.stringify(redactor.redact(oracle, [])));
    }
  });
});

// The first canonical JSON and normalization, kept as oracles: digests stored by earlier versions
// must come out the same, or every resource would get a new version after an upgrade.
function oracleCanonical(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => oracleCanonical(item)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${oracleCanonical(value[key] as JsonValue)}`).join(',')}}`;
}

function oracleNormalize(
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
  if (depth > 200) throw new NormalizationProblem(path, 'nested deeper than 200 levels');
  const objectValue = value as object;
  if (ancestors.has(objectValue)) throw new NormalizationProblem(path, 'cyclic reference');
  if (objectValue instanceof Date)
    return Number.isNaN(objectValue.getTime()) ? null : objectValue.toISOString();
  if (objectValue instanceof Uint8Array) return Buffer.from(objectValue).toString('base64');
  if (objectValue instanceof ArrayBuffer) return Buffer.from(objectValue).toString('base64');
  if (objectValue instanceof RegExp) return objectValue.toString();
  ancestors.add(objectValue);
  try {
    if (Array.isArray(objectValue))
      return objectValue.map((item, index) =>
        oracleNormalize(item, `${path}[${index}]`, ancestors, depth + 1),
      );
    if (objectValue instanceof Set)
      return [...objectValue].map((item, index) =>
        oracleNormalize(item, `${path}[${index}]`, ancestors, depth + 1),
      );
    const entries: Iterable<[unknown, unknown]> =
      objectValue instanceof Map ? objectValue.entries() : Object.entries(objectValue);
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of entries) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      const keyText = String(key);
      setOwn(result, keyText, oracleNormalize(item, `${path}.${keyText}`, ancestors, depth + 1));
    }
    return result;
  } finally {
    ancestors.delete(objectValue);
  }
}

const oddKeys = ['b', 'a', '10', '9', '__proto__', 'é', 'Z', '\uD83D\uDE00', 'a b', ''];

function driverValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 4 || pick < 0.35) {
    const leaves: unknown[] = [
      null,
      undefined,
      -0,
      Number.NaN,
      1.5e300,
      12n,
      true,
      'text',
      '\uD800 lone',
      new Date(0),
      new Date(Number.NaN),
      new Uint8Array([1, 2, 3]),
      /x+/g,
      () => 1,
      Symbol('s'),
    ];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (pick < 0.5)
    return Array.from({ length: Math.floor(next() * 4) }, () => driverValue(next, depth + 1));
  if (pick < 0.55) return new Set([driverValue(next, depth + 1), 'x']);
  if (pick < 0.6)
    return new Map<unknown, unknown>([
      [1, driverValue(next, depth + 1)],
      ['k', 2],
    ]);
  const output: Record<string, unknown> = {};
  const count = Math.floor(next() * 5);
  for (let index = 0; index < count; index += 1)
    Object.defineProperty(output, oddKeys[Math.floor(next() * oddKeys.length)] as string, {
      value: driverValue(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return output;
}

describe('canonical JSON and normalization against the first implementation', () => {
  test('the same JSON and the same canonical text for 3,000 seeded driver values', () => {
    const next = random(23);
    for (let trial = 0; trial < 3000; trial += 1) {
      const value = driverValue(next, 0);
      const normalized = normalizeJson(value);
      const expected = oracleNormalize(value, '$', new Set(), 0);
      expect(JSON.stringify(normalized)).toBe(JSON.stringify(expected));
      expect(Object.keys(normalized ?? {})).toEqual(Object.keys(expected ?? {}));
      expect(canonicalJson(normalized)).toBe(oracleCanonical(expected));
    }
  });

  test('a problem names the same path', () => {
    const cyclic: Record<string, unknown> = { list: [{ map: new Map([['k', {}]]) }] };
    ((cyclic.list as unknown[])[0] as Record<string, unknown>).back = cyclic;
    let deep: Record<string, unknown> = {};
    const root = { deep };
    for (let level = 0; level < 205; level += 1) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }
    for (const value of [cyclic, root]) {
      const problem = (() => {
        try {
          normalizeJson(value, 'configuration');
        } catch (error) {
          return error as NormalizationProblem;
        }
      })();
      let expected: NormalizationProblem | undefined;
      try {
        oracleNormalize(value, 'configuration', new Set(), 0);
      } catch (error) {
        expected = error as NormalizationProblem;
      }
      expect(problem?.path).toBe(expected?.path);
      expect(problem?.message).toBe(expected?.message);
    }
  });
});
