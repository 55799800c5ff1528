/** What a response's rate-limit headers say about the caller's budget. */
export interface RateLimitReading {
  /** Calls left in the current window. */
  remaining?: number;
  /** Calls allowed per window. */
  limit?: number;
  /** When the window resets, in epoch milliseconds. */
  resetAt?: number;
}

// NOTE: providers disagree on what "reset" means. DigitalOcean, Hetzner, Linode and GitHub send a
// Unix epoch in seconds, the IETF draft and Cloudflare send seconds from now; a few send epoch ms.
/** Turn a reset header value into epoch milliseconds, telling epoch seconds, epoch ms, delta seconds and HTTP dates apart. */
export function parseResetValue(value: string, now: number = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  if (Number.isFinite(number)) {
    if (number < 0) return undefined;
    if (number >= 1e12) return number;
    if (number >= 1e9) return number * 1000;
    return now + number * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date;
}

function parseCount(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  // `RateLimit-Limit: 100, 100;w=60` (IETF draft) carries the quota first.
  const number = Number(value.split(/[,;]/)[0]?.trim());
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

// The IETF structured forms: `limit=100, remaining=50, reset=30` or `"default";r=50;t=30`.
function parseStructured(header: string, now: number): RateLimitReading {
  const field = (names: string[]) => {
    for (const name of names) {
      const match = new RegExp(`(?:^|[;,\\s])${name}=(\\d+(?:\\.\\d+)?)`, 'i').exec(header);
      if (match?.[1] !== undefined) return Number(match[1]);
    }
    return undefined;
  };
  const reading: RateLimitReading = {};
  const remaining = field(['remaining', 'r']);
  const limit = field(['limit', 'q']);
  const reset = field(['reset', 't']);
  if (remaining !== undefined) reading.remaining = remaining;
  if (limit !== undefined) reading.limit = limit;
  if (reset !== undefined) reading.resetAt = now + reset * 1000;
  return reading;
}

/** Read `RateLimit-*`, `X-RateLimit-*`, the IETF `RateLimit` field and Azure's remaining-reads header; undefined when none is present. */
export function parseRateLimitHeaders(
  headers: Headers,
  now: number = Date.now(),
): RateLimitReading | undefined {
  const reading: RateLimitReading = {};
  const remaining = parseCount(
    headers.get('ratelimit-remaining') ??
      headers.get('x-ratelimit-remaining') ??
      headers.get('x-rate-limit-remaining') ??
      headers.get('x-ms-ratelimit-remaining-subscription-reads'),
  );
  const limit = parseCount(
    headers.get('ratelimit-limit') ??
      headers.get('x-ratelimit-limit') ??
      headers.get('x-rate-limit-limit'),
  );
  const resetHeader =
    headers.get('ratelimit-reset') ??
    headers.get('x-ratelimit-reset') ??
    headers.get('x-rate-limit-reset');
  const resetAt = resetHeader === null ? undefined : parseResetValue(resetHeader, now);
  if (remaining !== undefined) reading.remaining = remaining;
  if (limit !== undefined) reading.limit = limit;
  if (resetAt !== undefined) reading.resetAt = resetAt;
  const structured = headers.get('ratelimit');
  if (structured) {
    const parsed = parseStructured(structured, now);
    reading.remaining ??= parsed.remaining;
    reading.limit ??=
      parsed.limit ?? parseStructured(headers.get('ratelimit-policy') ?? '', now).limit;
    reading.resetAt ??= parsed.resetAt;
    for (const key of ['remaining', 'limit', 'resetAt'] as const) {
      if (reading[key] === undefined) delete reading[key];
    }
  }
  return Object.keys(reading).length === 0 ? undefined : reading;
}
