/** One step in a diff path. */
export type DiffPathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'identity'; key: string; value: string | number }
  | { kind: 'order'; key: string };

const bareKey = /^[A-Za-z_$][\w$-]*$/;

/** Render segments as `a.b[0].c`, `tags.Env`, `rules[id="r-1"].port`, `["odd.key"]`. */
export function formatDiffPath(segments: DiffPathSegment[]): string {
  let output = '';
  for (const segment of segments) {
    if (segment.kind === 'key') {
      if (bareKey.test(segment.key)) output += output === '' ? segment.key : `.${segment.key}`;
      else output += `[${JSON.stringify(segment.key)}]`;
    } else if (segment.kind === 'index') output += `[${segment.index}]`;
    else if (segment.kind === 'identity')
      output += `[${segment.key}=${JSON.stringify(segment.value)}]`;
    else output += `[@order=${segment.key}]`;
  }
  return output;
}

/** Parse a path produced by `formatDiffPath`. */
export function parseDiffPath(path: string): DiffPathSegment[] {
  const segments: DiffPathSegment[] = [];
  let position = 0;
  while (position < path.length) {
    const character = path[position];
    if (character === '.') {
      position += 1;
      continue;
    }
    if (character === '[') {
      const close = findClosingBracket(path, position);
      const inner = path.slice(position + 1, close);
      position = close + 1;
      if (inner.startsWith('@order='))
        segments.push({ kind: 'order', key: inner.slice('@order='.length) });
      else if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
      else if (inner.startsWith('"'))
        segments.push({ kind: 'key', key: JSON.parse(inner) as string });
      else {
        const equals = inner.indexOf('=');
        if (equals < 0) throw new Error(`malformed diff path segment [${inner}] in ${path}`);
        const value = JSON.parse(inner.slice(equals + 1)) as string | number;
        segments.push({ kind: 'identity', key: inner.slice(0, equals), value });
      }
      continue;
    }
    const match = /^[A-Za-z_$][\w$-]*/.exec(path.slice(position));
    if (!match) throw new Error(`malformed diff path ${path} at ${position}`);
    segments.push({ kind: 'key', key: match[0] });
    position += match[0].length;
  }
  return segments;
}

function findClosingBracket(path: string, open: number): number {
  let inString = false;
  for (let index = open + 1; index < path.length; index += 1) {
    const character = path[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === ']') return index;
  }
  throw new Error(`unclosed [ in diff path ${path}`);
}
