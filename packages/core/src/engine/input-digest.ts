import { removeAtPatterns } from '../versioning/path-pattern.ts';
import { defaultSecretPatterns, secretKeyNames } from '../versioning/redaction.ts';
import type { ListedResource, PrepareContext } from './prepare-resource.ts';
import { maximumResourceBytes } from './prepare-resource.ts';

// NOTE: change this whenever redaction, normalization or digesting changes what a digest is made
// of in a way the rules below do not show: every stored input digest then stops matching once, and
// the next sync redacts and digests every resource again.
const inputDigestVersion = 'input-digest-1';

/**
 * Keyed digests of what a resource's digest is computed from, before redaction: name, region,
 * configuration without its volatile paths, tags and labels, under the redaction key and the type's
 * secret and volatile paths. Equal input digests mean the redaction and digesting would give the
 * digest stored last time, so a nothing-changed sync skips them (the expensive part of preparing a
 * resource). Metadata and raw are not digested and not part of it, like in the digest.
 */
export class InputDigester {
  readonly #context: PrepareContext;
  readonly #rulesByType = new Map<string, string>();
  readonly #engineRules = JSON.stringify([
    inputDigestVersion,
    defaultSecretPatterns,
    secretKeyNames.map((rule) => rule.source),
  ]);

  constructor(context: PrepareContext) {
    this.#context = context;
  }

  /**
   * The input digest of a validated resource, or undefined when it must take the full path: a
   * resource near the size limit (the limit is judged after redaction).
   */
  digest(listed: ListedResource): Buffer | undefined {
    const volatile = this.#context.rules.volatilePatterns(listed.resourceType);
    const text = JSON.stringify([
      this.#rulesOf(listed.resourceType),
      listed.resourceType,
      listed.resourceId,
      listed.name,
      listed.region,
      removeAtPatterns(listed.configuration, volatile),
      listed.tags,
      listed.labels,
    ]);
    const rawLength = listed.raw === null ? 0 : JSON.stringify(listed.raw).length;
    if (text.length + rawLength > maximumResourceBytes / 2) return undefined;
    return this.#context.redactor.keyedDigest(text);
  }

  #rulesOf(resourceType: string): string {
    let rules = this.#rulesByType.get(resourceType);
    if (rules === undefined) {
      const sources = (patterns: Array<{ source: string }>) => patterns.map((item) => item.source);
      rules = JSON.stringify([
        this.#engineRules,
        sources(this.#context.rules.secretPatterns(resourceType)),
        sources(this.#context.rules.volatilePatterns(resourceType)),
      ]);
      this.#rulesByType.set(resourceType, rules);
    }
    return rules;
  }
}
