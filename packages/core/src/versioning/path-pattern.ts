import { type JsonValue, mapItemsShared, mapValuesShared } from './canonical-json.ts';

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
  const result = walk(value, matcherFor(patterns).start, replace);
  return result === undefined ? null : result;
}

/** A copy of `value` without the paths matched by `patterns`. */
export function removeAtPatterns(value: JsonValue, patterns: PathPattern[]): JsonValue {
  return transformAtPatterns(value, patterns, () => undefined);
}

// NOTE: patterns run over every node of every configuration (the default secret patterns start
// with `**`), so the set of partial matches below a node is a state of a small automaton, built
// lazily and shared by every resource; unchanged subtrees are returned as they are, not copied.
function walk(
  node: JsonValue,
  state: MatchState,
  replace: (matched: JsonValue) => JsonValue | undefined,
): JsonValue | undefined {
  if (state.accepts) return replace(node);
  if (state.dead || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    return mapItemsShared(node, (item, index) => {
      const next = state.next(String(index), true);
      const replaced = next.dead ? item : walk(item, next, replace);
      // Removing an array element would shift indexes; removal inside arrays becomes null.
      return replaced === undefined ? null : replaced;
    });
  }
  return mapValuesShared(node, (item, key) => {
    const next = state.next(key, false);
    return next.dead ? item : walk(item, next, replace);
  });
}

/** Where a walk is: the (pattern, segment) pairs still to match, with `**` expanded. */
class MatchState {
  readonly accepts: boolean;
  readonly dead: boolean;
  readonly #matcher: PatternMatcher;
  readonly #positions: ReadonlyArray<readonly [number, number]>;
  readonly #byKey = new Map<string, MatchState>();
  readonly #byIndex = new Map<string, MatchState>();
  readonly #literals: Set<string>;
  #otherKey: MatchState | undefined;
  #otherIndex: MatchState | undefined;

  constructor(matcher: PatternMatcher, positions: ReadonlyArray<readonly [number, number]>) {
    this.#matcher = matcher;
    this.#positions = positions;
    this.dead = positions.length === 0;
    this.accepts = positions.some(([pattern, segment]) => matcher.length(pattern) === segment);
    this.#literals = new Set();
    for (const [pattern, segment] of positions) {
      const head = matcher.segment(pattern, segment);
      if (head?.kind === 'key') this.#literals.add(head.key);
    }
  }

  /** The state below this one's child `key` (an array index when `isIndex`). */
  next(key: string, isIndex: boolean): MatchState {
    if (this.dead) return this;
    if (this.#literals.has(key)) {
      const cache = isIndex ? this.#byIndex : this.#byKey;
      let state = cache.get(key);
      if (!state) {
        state = this.#advance(key, isIndex);
        cache.set(key, state);
      }
      return state;
    }
    if (isIndex) {
      this.#otherIndex ??= this.#advance(undefined, true);
      return this.#otherIndex;
    }
    this.#otherKey ??= this.#advance(undefined, false);
    return this.#otherKey;
  }

  #advance(key: string | undefined, isIndex: boolean): MatchState {
    const advanced: Array<readonly [number, number]> = [];
    for (const [pattern, segment] of this.#positions) {
      const head = this.#matcher.segment(pattern, segment);
      if (!head) continue;
      if (head.kind === 'anyDepth') advanced.push([pattern, segment]);
      else if (head.kind === 'anyKey') advanced.push([pattern, segment + 1]);
      else if (head.kind === 'anyIndex' && isIndex) advanced.push([pattern, segment + 1]);
      else if (head.kind === 'key' && head.key === key) advanced.push([pattern, segment + 1]);
    }
    return this.#matcher.state(advanced);
  }
}

/** The automaton of one list of patterns: states interned by the positions they hold. */
class PatternMatcher {
  readonly start: MatchState;
  readonly #patterns: PatternSegment[][];
  readonly #states = new Map<string, MatchState>();

  constructor(patterns: PathPattern[]) {
    this.#patterns = patterns.map((pattern) => pattern.segments);
    this.start = this.state(this.#patterns.map((_, index) => [index, 0] as const));
  }

  length(pattern: number): number {
    return (this.#patterns[pattern] as PatternSegment[]).length;
  }

  segment(pattern: number, segment: number): PatternSegment | undefined {
    return this.#patterns[pattern]?.[segment];
  }

  /** The state for these positions once `**` is expanded (it may also match nothing). */
  state(positions: ReadonlyArray<readonly [number, number]>): MatchState {
    const closed = new Map<string, readonly [number, number]>();
    const queue = [...positions];
    while (queue.length > 0) {
      const position = queue.pop() as readonly [number, number];
      const name = `${position[0]}:${position[1]}`;
      if (closed.has(name)) continue;
      closed.set(name, position);
      if (this.segment(position[0], position[1])?.kind === 'anyDepth')
        queue.push([position[0], position[1] + 1]);
    }
    const name = [...closed.keys()].sort().join(',');
    let state = this.#states.get(name);
    if (!state) {
      state = new MatchState(this, [...closed.values()]);
      this.#states.set(name, state);
    }
    return state;
  }
}

// Pattern lists are built once per resource type and reused, so their automata are too.
const matchers = new WeakMap<PathPattern[], PatternMatcher>();

function matcherFor(patterns: PathPattern[]): PatternMatcher {
  let matcher = matchers.get(patterns);
  if (!matcher) {
    matcher = new PatternMatcher(patterns);
    matchers.set(patterns, matcher);
  }
  return matcher;
}

/** True when `key` (one object key) matches a key-name rule such as `/^password$/i`. */
export function matchesKeyName(key: string, rules: RegExp[]): boolean {
  return rules.some((rule) => rule.test(key));
}
