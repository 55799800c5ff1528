/** Query parameter names whose values are secrets (tokens, keys, signatures, SAS `sig`). */
const secretParameterName =
  /(token|key|secret|signature|password|passwd|credential|^sig$|^code$|^auth|session)/i;

/** Header names whose values are secrets. */
const secretHeaderName =
  /(authorization|cookie|token|secret|password|api-?key|auth-key|auth-email|signature|credential|session)/i;

/** Text that replaces a secret. */
export const redactedValue = 'REDACTED';

/** A URL fit for logs: userinfo removed, secret-looking query values replaced; relative paths stay relative. */
export function redactUrl(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href;
  const isAbsolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let parsed: URL;
  try {
    parsed = new URL(text, 'http://relative.invalid');
  } catch {
    // Unparseable: keep only what precedes the query string, which cannot hold a parameter.
    return text.replace(/\/\/[^/@]*@/, '//').split('?')[0] ?? '';
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (secretParameterName.test(name)) parsed.searchParams.set(name, redactedValue);
  }
  if (isAbsolute) return parsed.href;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** True when a header with this name carries a secret (Authorization, cookies, API keys...). */
export function isSecretHeader(name: string): boolean {
  return secretHeaderName.test(name);
}

/** A plain, lower-cased copy of `headers` with secret values replaced, fit for logs. */
export function redactHeaders(
  headers:
    | Headers
    | Record<string, string | string[] | number | undefined>
    | Iterable<[string, string]>,
): Record<string, string> {
  const output: Record<string, string> = {};
  const entries: Iterable<[string, unknown]> =
    headers instanceof Headers || Symbol.iterator in headers
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    const lowerName = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    output[lowerName] = isSecretHeader(lowerName) ? redactedValue : text;
  }
  return output;
}

/** Replace every occurrence of the given secret strings (tokens, passwords) in `text`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let output = text;
  for (const secret of secrets) {
    // NOTE: very short values would redact ordinary words; credentials are never that short.
    if (!secret || secret.length < 4) continue;
    output = output.split(secret).join(redactedValue);
  }
  return output;
}
