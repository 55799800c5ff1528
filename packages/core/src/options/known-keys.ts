/** A `received` text printed as is (not quoted like a bad string value). */
export class ReceivedText {
  /** The text. */
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** Records one configuration problem (path, what was expected, what was found). */
export type ProblemReporter = (path: string, expected: string, received: unknown) => void;

function editDistance(left: string, right: string): number {
  const row = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= right.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] as number) + 1,
        diagonal + (left[i - 1] === right[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[right.length] as number;
}

/** The candidate closest to `name` (case-insensitive edit distance of at most a third of its length, at least 2), if any. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const allowed = Math.max(2, Math.floor(name.length / 3));
  return best && best.distance <= allowed ? best.candidate : undefined;
}

/**
 * Report every key of `value` that is not in `known` as a problem at `path.key`, with a
 * did-you-mean when a known key is close (`discovery.dryrun` -> `dryRun`).
 */
export function reportUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  problem: ProblemReporter,
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = closestName(key, known);
    problem(
      path ? `${path}.${key}` : key,
      `a known key${path ? ` of ${path}` : ''} (${known.join(', ')})`,
      new ReceivedText(`an unknown key${suggestion ? `; did you mean "${suggestion}"?` : ''}`),
    );
  }
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Check `clouds[].config.endpoint` the way driver-kit's `resolveEndpoint` will read it (an absolute
 * http(s) URL; plain http only to a loopback address), so a typo fails validation, not the sync.
 */
export function checkEndpoint(
  endpoint: unknown,
  path: string,
  cloudName: string,
  problem: ProblemReporter,
): void {
  if (endpoint === undefined || endpoint === null || endpoint === '') return;
  const expected = (what: string) => `${what} for the API of cloud ${cloudName}`;
  if (typeof endpoint !== 'string') {
    problem(path, expected('an http(s) URL string'), endpoint);
    return;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    problem(path, expected('an absolute URL such as "https://api.example.com"'), endpoint);
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    problem(path, expected('an http(s) URL'), endpoint);
  else if (
    url.protocol === 'http:' &&
    !loopbackHosts.has(url.hostname) &&
    !/^127(\.\d{1,3}){3}$/.test(url.hostname)
  )
    problem(path, expected('an https:// URL (plain http:// only to a loopback address)'), endpoint);
}
