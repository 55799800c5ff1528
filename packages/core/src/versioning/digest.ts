import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/** SHA-256 hex of the canonical JSON of a normalized value. */
export function digestJson(value: JsonValue): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The parts of a resource that are digested separately, so a change knows what it touched. */
export interface DigestSections {
  /** Configuration without volatile paths. */
  configuration: JsonValue;
  /** Tags. */
  tags: JsonValue;
  /** Labels. */
  labels: JsonValue;
  /** Name and region. */
  location: JsonValue;
}

/** Per-section digests plus the overall digest. */
export interface ResourceDigests {
  /** SHA-256 over all sections. */
  digest: string;
  /** SHA-256 per section. */
  sections: { configuration: string; tags: string; labels: string; location: string };
}

/** Digest every section and the whole. */
export function digestSections(sections: DigestSections): ResourceDigests {
  const perSection = {
    configuration: digestJson(sections.configuration),
    tags: digestJson(sections.tags),
    labels: digestJson(sections.labels),
    location: digestJson(sections.location),
  };
  return { digest: digestJson(perSection), sections: perSection };
}

/** Which sections differ between two digests (`['tags']` for a tag-only change). */
export function changedSections(
  before: ResourceDigests['sections'] | undefined,
  after: ResourceDigests['sections'],
): Array<keyof ResourceDigests['sections']> {
  const names = ['configuration', 'tags', 'labels', 'location'] as const;
  if (!before) return [...names];
  return names.filter((name) => before[name] !== after[name]);
}
