export { applyDiff } from './apply-diff.ts';
export {
  canonicalJson,
  isPlainObject,
  type JsonValue,
  NormalizationProblem,
  normalizeJson,
} from './canonical-json.ts';
export {
  type ConfigurationDiff,
  countDiffEntries,
  type DiffOptions,
  diffJson,
  identityKeys,
} from './diff.ts';
export { type DiffPathSegment, formatDiffPath, parseDiffPath } from './diff-path.ts';
export {
  changedSections,
  type DigestSections,
  digestJson,
  digestSections,
  type ResourceDigests,
} from './digest.ts';
export {
  type PathPattern,
  type PatternSegment,
  parsePathPattern,
  removeAtPatterns,
  transformAtPatterns,
} from './path-pattern.ts';
export {
  compilePatterns,
  defaultSecretPatterns,
  isRedacted,
  isSecretKey,
  Redactor,
  redactionPrefix,
  secretKeyNames,
} from './redaction.ts';
