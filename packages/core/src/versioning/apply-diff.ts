import { isPlainObject, type JsonValue, setOwn } from './canonical-json.ts';
import type { ConfigurationDiff } from './diff.ts';
import { type DiffPathSegment, parseDiffPath } from './diff-path.ts';

/** Apply a (non-truncated) diff to the older value; gives the newer value. */
export function applyDiff(before: JsonValue, diff: ConfigurationDiff): JsonValue {
  if (diff.truncated) throw new Error('cannot apply a truncated diff; read the version instead');
  let document = structuredClone(before);
  const removedPaths = Object.keys(diff.removed).map(parseDiffPath);
  // Remove trailing indexes first so earlier indexes stay valid, and an element's identity leaf
  // last so its other leaves still find it.
  removedPaths.sort(
    (left, right) =>
      lastIndex(right) - lastIndex(left) ||
      Number(isIdentityLeaf(left)) - Number(isIdentityLeaf(right)),
  );
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

function isIdentityLeaf(segments: DiffPathSegment[]): boolean {
  const last = segments.at(-1);
  const element = segments.at(-2);
  return last?.kind === 'key' && element?.kind === 'identity' && element.key === last.key;
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
  // A leaf of an added subtree creates the containers on its way.
  if (document === null || document === undefined) document = head.kind === 'key' ? {} : [];
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
    // A new element starts with its identity, so its other leaves find it.
    if (position < 0) document.push(setAt({ [head.key]: head.value }, rest, value));
    else document[position] = setAt(document[position] as JsonValue, rest, value);
  } else {
    throw new Error(`cannot apply diff: path does not fit the document at ${head.kind}`);
  }
  return document;
}

function removeAt(document: JsonValue, segments: DiffPathSegment[]): JsonValue {
  const last = segments.at(-1);
  // The containers on the way, from the document down to the leaf's parent.
  const chain: JsonValue[] = [document];
  for (const segment of segments.slice(0, -1)) {
    const next = locate(chain.at(-1) as JsonValue, segment);
    if (next === undefined) return document;
    chain.push(next);
  }
  if (last === undefined) return document;
  removeChild(chain.at(-1) as JsonValue, last);
  // Leaves of a removed subtree leave empty containers behind: remove them too (a container the
  // newer version keeps empty is an added leaf of its own). Positional elements stay in place.
  for (let depth = segments.length - 1; depth > 0; depth -= 1) {
    const container = chain[depth] as JsonValue;
    const segment = segments[depth - 1] as DiffPathSegment;
    if (!isEmptyContainer(container) || segment.kind === 'index') break;
    const holder = chain[depth - 1] as JsonValue;
    if (Array.isArray(holder)) holder.splice(holder.indexOf(container), 1);
    else if (segment.kind === 'key' && isPlainObject(holder)) delete holder[segment.key];
  }
  return document;
}

function removeChild(parent: JsonValue, segment: DiffPathSegment): void {
  if (segment.kind === 'key' && isPlainObject(parent)) delete parent[segment.key];
  else if (segment.kind === 'index' && Array.isArray(parent)) parent.splice(segment.index, 1);
  else if (segment.kind === 'identity' && Array.isArray(parent)) {
    const position = parent.findIndex(
      (item) => isPlainObject(item) && item[segment.key] === segment.value,
    );
    if (position >= 0) parent.splice(position, 1);
  }
}

function isEmptyContainer(value: JsonValue): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isPlainObject(value) && Object.keys(value).length === 0;
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
