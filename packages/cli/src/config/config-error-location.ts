import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Where in a JavaScript or TypeScript config a load error happened. */
export interface ConfigErrorLocation {
  /** 1-based line. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** The source line and a caret under the column, when known. */
  excerpt?: string[];
}

// NOTE: Node does not put the line of an ES module's SyntaxError on the error object (it prints it
// only for an uncaught error), so ask `node --check` for it; this runs only after a failed import.
function syntaxErrorLocation(path: string): ConfigErrorLocation | undefined {
  const check = spawnSync(process.execPath, ['--check', path], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const lines = (check.stderr ?? '').split('\n');
  const header = lines.findIndex((line) => line.startsWith(`${path}:`));
  if (header < 0) return undefined;
  const line = Number(lines[header]?.slice(path.length + 1));
  if (!Number.isInteger(line) || line < 1) return undefined;
  const source = lines[header + 1];
  const caret = lines[header + 2];
  const column = caret?.includes('^') ? caret.indexOf('^') + 1 : undefined;
  return {
    line,
    ...(column ? { column } : {}),
    ...(source !== undefined && caret?.includes('^') ? { excerpt: [source, caret] } : {}),
  };
}

// An error thrown while the config module ran: its stack names the config's line and column.
function stackLocation(error: Error, path: string): ConfigErrorLocation | undefined {
  const url = pathToFileURL(path).href;
  for (const candidate of [url, path]) {
    const index = error.stack?.indexOf(`${candidate}:`) ?? -1;
    if (index < 0) continue;
    const match = /^:(\d+)(?::(\d+))?/.exec(error.stack?.slice(index + candidate.length) ?? '');
    if (match) return { line: Number(match[1]), ...(match[2] ? { column: Number(match[2]) } : {}) };
  }
  return undefined;
}

/** The line (and column) of the config where importing it failed, if it can be found. */
export function locateConfigError(error: unknown, path: string): ConfigErrorLocation | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'SyntaxError') return stackLocation(error, path) ?? syntaxErrorLocation(path);
  return stackLocation(error, path);
}
