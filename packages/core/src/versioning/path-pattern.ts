import { isPlainObject, type JsonValue, setOwn } from './canonical-json.ts';

/** One step of a parsed pattern: a key, `*` (any key or index), `[*]` (any index) or `**` (any depth). */
export type PatternSegment =
  | { kind: 'key'; key: string }
  | { kind: 'anyKey' }
  | { kind: 'anyIndex' }
  | { kind: 'anyDepth' };

/** A compiled path pattern such as `status.lastUpdated`, `items[*].age` or `**.password`. */
export interface PathPattern {
  /** The text it was parsed from. */
  source: string;
  /** Parsed steps. */
  segments: PatternSegment[];
}

/** Parse `a.b[*].c` style patterns; throws on an empty or malformed one. */
export function parsePathPattern(source: string): PathPattern {
  if (typeof source !== 'string' || source.trim() === '')
    throw new Error('a path pattern must be a non-empty string');
  const segments: PatternSegment[] = [];
  const tokens = source
    .replace(/\[(\*|\d+)\]/g, '.[$1]')
    .split('.')
    .filter((token) => token !== '');
  for (const token of tokens) {
    if (token === '**') segments.push({ kind: 'anyDepth' });
    else if (token === '*') segments.push({ kind: 'anyKey' });
    else if (token === '[*]') segments.push({ kind: 'anyIndex' });
    else if (/^\[\d+\]$/.test(token)) segments.push({ kind: 'key', key: token.slice(1, -1) });
    else segments.push({ kind: 'key', key: token });
  }
  if (segments.length === 0) throw new Error(`path pattern "${source}" has no segments`);
  return { source, segments };
}

/** Apply `replace` to every value matched by any pattern; returns a new value, the input is untouched. */
export function transformAtPatterns(
  value: JsonValue,
  patterns: PathPattern[],
  replace: (matched: JsonValue) => JsonValue | undefined,
): JsonValue {
  if (patterns.length === 0) return value;
  const result = walk(
    value,
    patterns.map((pattern) => pattern.segments),
    replace,
  );
  return result === undefined ? null : result;
}

/** A copy of `value` without the paths matched by `patterns`. */
export function removeAtPatterns(value: JsonValue, patterns: PathPattern[]): JsonValue {
  return transformAtPatterns(value, patterns, () => undefined);
}

// Each active pattern is the list of segments still to match below the current node.
function walk(
  node: JsonValue,
  active: PatternSegment[][],
  replace: (matched: JsonValue) => JsonValue | undefined,
): JsonValue | undefined {
  const expanded = expandAnyDepth(active);
  if (expanded.some((segments) => segments.length === 0)) return replace(node);
  if (Array.isArray(node)) {
    let changed = false;
    const output: JsonValue[] = [];
    node.forEach((item, index) => {
      const next = advance(expanded, String(index), true);
      if (next.length === 0) {
        output.push(item);
        return;
      }
      const replaced = walk(item, next, replace);
      if (replaced !== item) changed = true;
      // Removing an array element would shift indexes; removal inside arrays becomes null.
      output.push(replaced === undefined ? null : replaced);
    });
    return changed ? output : node;
  }
  if (isPlainObject(node)) {
    let changed = false;
    const output: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(node)) {
      const next = advance(expanded, key, false);
      if (next.length === 0) {
        setOwn(output, key, item);
        continue;
      }
      const replaced = walk(item, next, replace);
      if (replaced !== item) changed = true;
      if (replaced !== undefined) setOwn(output, key, replaced);
    }
    return changed ? output : node;
  }
  return node;
}

function expandAnyDepth(active: PatternSegment[][]): PatternSegment[][] {
  const output: PatternSegment[][] = [];
  const queue = [...active];
  while (queue.length > 0) {
    const segments = queue.pop()!;
    output.push(segments);
    if (segments[0]?.kind === 'anyDepth') queue.push(segments.slice(1));
  }
  return output;
}

function advance(active: PatternSegment[][], key: string, isIndex: boolean): PatternSegment[][] {
  const next: PatternSegment[][] = [];
  for (const segments of active) {
    const head = segments[0];
    if (!head) continue;
    if (head.kind === 'anyDepth') next.push(segments);
    else if (head.kind === 'anyKey') next.push(segments.slice(1));
    else if (head.kind === 'anyIndex' && isIndex) next.push(segments.slice(1));
    else if (head.kind === 'key' && head.key === key) next.push(segments.slice(1));
  }
  return next;
}

/** True when `key` (one object key) matches a key-name rule such as `/^password$/i`. */
export function matchesKeyName(key: string, rules: RegExp[]): boolean {
  return rules.some((rule) => rule.test(key));
}
