const keyFields = ['Key', 'key', 'TagKey', 'tagKey', 'Name', 'name'];
const valueFields = ['Value', 'value', 'TagValue', 'tagValue'];

function firstField(item: Record<string, unknown>, fields: string[]): unknown {
  for (const field of fields) {
    if (item[field] !== undefined) return item[field];
  }
  return undefined;
}

/** Tags from key/value pairs: `[{Key, Value}]` (AWS), `[{key, value}]` (OCI, Alibaba), `[{TagKey, TagValue}]`. */
export function tagsFromPairs(
  pairs: readonly unknown[] | null | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    if (!pair || typeof pair !== 'object') continue;
    const key = firstField(pair as Record<string, unknown>, keyFields);
    if (typeof key !== 'string' || key === '') continue;
    const value = firstField(pair as Record<string, unknown>, valueFields);
    tags[key] = value === undefined || value === null ? '' : String(value);
  }
  return tags;
}

/** Tags from strings (DigitalOcean, Vultr, Linode): `["env:prod", "web"]` -> `{ env: 'prod', web: '' }`. */
export function tagsFromStrings(
  strings: readonly unknown[] | null | undefined,
  separator = ':',
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const entry of strings ?? []) {
    if (typeof entry !== 'string' || entry === '') continue;
    const at = entry.indexOf(separator);
    if (at <= 0) tags[entry] = '';
    else tags[entry.slice(0, at)] = entry.slice(at + separator.length);
  }
  return tags;
}

/** Tags from any common shape: a plain map, key/value pairs, or `key:value` strings; empty for anything else. */
export function normalizeTags(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (Array.isArray(value)) {
    const strings = value.filter((item) => typeof item === 'string');
    return { ...tagsFromStrings(strings), ...tagsFromPairs(value) };
  }
  if (typeof value === 'object') return { ...(value as Record<string, unknown>) };
  return {};
}
