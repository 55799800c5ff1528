import type { MockBuildContext, MockIdentityContext } from '../mock-provider-definition.ts';
import { ownershipTags } from './mock-shared.ts';

/** Linode tags are plain strings; `key:value` ones read as key/value (like the kit's tagsFromStrings). */
export function linodeTags(context: MockBuildContext, attribute: number): string[] {
  const tags = ownershipTags(context, attribute);
  return [`env:${tags.environment}`, `team:${tags.team}`, `owner:${tags.owner}`];
}

/** `['env:prod', 'web']` as `{ env: 'prod', web: '' }`, the way the real driver maps them. */
export function tagRecord(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    tags.map((tag) => {
      const at = tag.indexOf(':');
      return at <= 0 ? [tag, ''] : [tag.slice(0, at), tag.slice(at + 1)];
    }),
  );
}

/** Linode ids are integers; unique per index. */
export function numericId(context: MockIdentityContext, base: number): number {
  return base + context.index * 3 + (context.seed % 3);
}

/** The numeric id of a parent for a child's `<parentId>/<childId>` id (a stand-in when the parent type is not in the estate). */
export function parentId(context: MockIdentityContext, type: string, base: number): string {
  return context.reference(type, 'parent')?.id ?? String(base + (context.seed % 1000));
}
