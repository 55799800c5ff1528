import { isPlainObject, type JsonValue, setOwn } from './canonical-json.ts';
import type { ConfigurationDiff } from './diff.ts';
import { type DiffPathSegment, parseDiffPath } from './diff-path.ts';

/** Apply a (non-truncated) diff to the older value; gives the newer value. */
export function applyDiff(before: JsonValue, diff: ConfigurationDiff): JsonValue {
  if (diff.truncated) throw new Error('cannot apply a truncated diff; read the version instead');
  let document = structuredClone(before);
  const removedPaths = Object.keys(diff.removed).map(parseDiffPath);
  // Remove trailing indexes first so earlier indexes stay valid.
  removedPaths.sort((left, right) => lastIndex(right) - lastIndex(left));
  for (const segments of removedPaths) document = removeAt(document, segments);
  const updates = Object.entries(diff.updated).map(
    ([path, change]) => [parseDiffPath(path), change.after] as const,
  );
  for (const [segments, value] of updates.filter(
    ([segments]) => segments.at(-1)?.kind !== 'order',
  )) {
    document = setAt(document, segments, value);
  }
  const additions = Object.entries(diff.added).map(
    ([path, value]) => [parseDiffPath(path), value] as const,
  );
  additions.sort((left, right) => lastIndex(left[0]) - lastIndex(right[0]));
  for (const [segments, value] of additions) document = setAt(document, segments, value);
  for (const [segments, value] of updates.filter(
    ([segments]) => segments.at(-1)?.kind === 'order',
  )) {
    const order = segments.at(-1) as { kind: 'order'; key: string };
    document = reorderAt(
      document,
      segments.slice(0, -1),
      order.key,
      value as Array<string | number>,
    );
  }
  return document;
}

function lastIndex(segments: DiffPathSegment[]): number {
  const last = segments.at(-1);
  return last?.kind === 'index' ? last.index : -1;
}

function locate(container: JsonValue, segment: DiffPathSegment): JsonValue | undefined {
  if (segment.kind === 'key' && isPlainObject(container))
    return Object.hasOwn(container, segment.key) ? container[segment.key] : undefined;
  if (segment.kind === 'index' && Array.isArray(container)) return container[segment.index];
  if (segment.kind === 'identity' && Array.isArray(container)) {
    return container.find((item) => isPlainObject(item) && item[segment.key] === segment.value);
  }
  return undefined;
}

function setAt(document: JsonValue, segments: DiffPathSegment[], value: JsonValue): JsonValue {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [DiffPathSegment, ...DiffPathSegment[]];
  if (head.kind === 'key' && isPlainObject(document)) {
    setOwn(
      document,
      head.key,
      setAt(
        Object.hasOwn(document, head.key) ? (document[head.key] as JsonValue) : null,
        rest,
        value,
      ),
    );
  } else if (head.kind === 'index' && Array.isArray(document)) {
    document[head.index] = setAt(document[head.index] ?? null, rest, value);
  } else if (head.kind === 'identity' && Array.isArray(document)) {
    const position = document.findIndex(
      (item) => isPlainObject(item) && item[head.key] === head.value,
    );
    if (position < 0) document.push(setAt(null, rest, value));
    else document[position] = setAt(document[position] as JsonValue, rest, value);
  } else {
    throw new Error(`cannot apply diff: path does not fit the document at ${head.kind}`);
  }
  return document;
}

function removeAt(document: JsonValue, segments: DiffPathSegment[]): JsonValue {
  const parentSegments = segments.slice(0, -1);
  const last = segments.at(-1);
  let parent: JsonValue | undefined = document;
  for (const segment of parentSegments)
    parent = parent === undefined ? undefined : locate(parent, segment);
  if (parent === undefined || last === undefined) return document;
  if (last.kind === 'key' && isPlainObject(parent)) delete parent[last.key];
  else if (last.kind === 'index' && Array.isArray(parent)) parent.splice(last.index, 1);
  else if (last.kind === 'identity' && Array.isArray(parent)) {
    const position = parent.findIndex(
      (item) => isPlainObject(item) && item[last.key] === last.value,
    );
    if (position >= 0) parent.splice(position, 1);
  }
  return document;
}

function reorderAt(
  document: JsonValue,
  segments: DiffPathSegment[],
  identity: string,
  order: Array<string | number>,
): JsonValue {
  let target: JsonValue | undefined = document;
  for (const segment of segments)
    target = target === undefined ? undefined : locate(target, segment);
  if (!Array.isArray(target)) return document;
  const byId = new Map(target.map((item) => [(item as Record<string, JsonValue>)[identity], item]));
  const reordered = order
    .map((id) => byId.get(id))
    .filter((item): item is JsonValue => item !== undefined);
  target.splice(0, target.length, ...reordered);
  return document;
}
