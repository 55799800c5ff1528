import { createHmac } from 'node:crypto';
import {
  canonicalJson,
  isPlainObject,
  type JsonValue,
  mapItemsShared,
  mapValuesShared,
} from './canonical-json.ts';
import { type PathPattern, parsePathPattern, transformAtPatterns } from './path-pattern.ts';

/**
 * Object keys whose values are secrets wherever they appear. Keys are compared lower-cased with
 * `_` and `-` removed, by suffix: `masterUserPassword`, `DB_PASSWORD` and `client_secret` match.
 */
export const secretKeyNames: RegExp[] = [
  /(password|passwd|passphrase|^pwd)$/,
  /(secret|secretkey|secretaccesskey|accesskeysecret|secretstring|secretbinary)$/,
  /(privatekey|privatekeypem|sshprivatekey|tlskey|keymaterial)$/,
  /(apikey|apitoken|accesstoken|refreshtoken|authtoken|bearertoken|sessiontoken|idtoken|^token|authkey)$/,
  /^(userdata|customdata)$/,
  /(connectionstring|connectionstrings|connectionuri|databaseurl|sastoken|primarykey|secondarykey)$/,
];

// Object keys repeat across resources (a provider's field names), so answers are remembered; the
// cache is emptied when it grows past a bound, as keys can also be ids or tag names.
const secretKeyAnswers = new Map<string, boolean>();
const secretKeyAnswersLimit = 50_000;

/** True when an object key names a secret. */
export function isSecretKey(key: string): boolean {
  const known = secretKeyAnswers.get(key);
  if (known !== undefined) return known;
  const normalized = key.toLowerCase().replace(/[_-]/g, '');
  const answer = secretKeyNames.some((rule) => rule.test(normalized));
  if (secretKeyAnswers.size >= secretKeyAnswersLimit) secretKeyAnswers.clear();
  secretKeyAnswers.set(key, answer);
  return answer;
}

/** Paths that hold environment variables of functions and containers, redacted by default. */
export const defaultSecretPatterns: string[] = [
  '**.Environment.Variables.*',
  '**.environment[*].value',
  '**.env[*].value',
  '**.envs[*].value',
  '**.environment_variables.*',
  '**.environmentVariables.*',
  '**.envVars.*',
];

const credentialUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const privateKeyBlock = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** Prefix of every redacted value. */
export const redactionPrefix = '[redacted:';

/** True when a string is a redaction marker produced here. */
export function isRedacted(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(redactionPrefix) && value.endsWith(']');
}

/** Replaces secret values by `[redacted:<hmac>]`, so a changed secret still changes the digest. */
export class Redactor {
  readonly #key: Buffer;
  #inputKey: Buffer | undefined;

  constructor(key: string | Buffer) {
    this.#key = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    Object.defineProperty(this, 'toJSON', { value: () => '[Redactor]', enumerable: false });
  }

  /** The marker for one secret value. */
  mark(value: JsonValue): JsonValue {
    if (value === null || value === '' || isRedacted(value)) return value;
    const text = typeof value === 'string' ? value : canonicalJson(value);
    const mac = createHmac('sha256', this.#key).update(text).digest('hex').slice(0, 24);
    return `${redactionPrefix}${mac}]`;
  }

  /**
   * A 16-byte keyed digest of a text under a key derived from the redaction key, so digests of
   * unredacted input can be stored without letting anyone test guesses of a secret against them.
   */
  keyedDigest(text: string): Buffer {
    this.#inputKey ??= createHmac('sha256', this.#key)
      .update('cloud-inventory input digest')
      .digest();
    return createHmac('sha256', this.#inputKey).update(text).digest().subarray(0, 16);
  }

  /** Redact at the given patterns, at secret key names anywhere, and in credential-bearing strings. */
  redact(value: JsonValue, patterns: PathPattern[]): JsonValue {
    const byPattern = transformAtPatterns(value, patterns, (matched) => this.markDeep(matched));
    return this.redactByShape(byPattern);
  }

  // Objects under a secret path (e.g. a whole `environment` map) keep their keys, lose their values.
  private markDeep(value: JsonValue): JsonValue {
    if (isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.markDeep(item)]),
      );
    }
    if (Array.isArray(value)) return value.map((item) => this.markDeep(item));
    return this.mark(value);
  }

  // Copies only the objects and arrays on the way to a redacted value; the rest is shared.
  private redactByShape(value: JsonValue): JsonValue {
    if (typeof value === 'string') {
      return credentialUrl.test(value) || privateKeyBlock.test(value) ? this.mark(value) : value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return mapItemsShared(value, (item) => this.redactByShape(item));
    return mapValuesShared(value, (item, key) =>
      isSecretKey(key) ? this.markDeep(item) : this.redactByShape(item),
    );
  }
}

/** Compile pattern strings once. */
export function compilePatterns(sources: Iterable<string>): PathPattern[] {
  return [...new Set(sources)].map((source) => parsePathPattern(source));
}
