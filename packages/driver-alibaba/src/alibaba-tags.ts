/**
 * Tags of any Alibaba shape as string→string: ECS `{Tag: [{TagKey, TagValue}]}`, VPC
 * `{Tag: [{Key, Value}]}`, ALB `[{Key, Value}]`, ACK `[{key, value}]`, OSS `{key: value}`.
 */
export function alibabaTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (value === null || value === undefined) return tags;
  const list = tagList(value);
  if (list) {
    for (const entry of list) {
      if (typeof entry !== 'object' || entry === null) continue;
      const record = entry as Record<string, unknown>;
      const key = record.TagKey ?? record.Key ?? record.key ?? record.tagKey;
      const tagValue = record.TagValue ?? record.Value ?? record.value ?? record.tagValue;
      if (typeof key === 'string' && key !== '')
        tags[key] = tagValue == null ? '' : String(tagValue);
    }
    return tags;
  }
  if (typeof value === 'object') {
    for (const [key, tagValue] of Object.entries(value as Record<string, unknown>)) {
      tags[key] = tagValue == null ? '' : String(tagValue);
    }
  }
  return tags;
}

function tagList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as { Tag?: unknown }).Tag;
  if (inner === undefined) return undefined;
  return Array.isArray(inner) ? inner : [inner];
}
