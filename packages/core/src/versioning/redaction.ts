import { createHmac } from 'node:crypto';
import { canonicalJson, isPlainObject, type JsonValue } from './canonical-json.ts';
import { type PathPattern, parsePathPattern, transformAtPatterns } from './path-pattern.ts';

/** Object keys whose values are secrets wherever they appear (case-insensitive, whole key). */
export const secretKeyNames: RegExp[] = [
  /^(password|passwd|pwd|passphrase|db_?password|admin_?password|master_?user_?password|root_?password)$/i,
  /^(secret|client_?secret|secret_?key|secret_?access_?key|access_?key_?secret|shared_?secret|webhook_?secret)$/i,
  /^(private_?key|private_?key_?pem|ssh_?private_?key|tls_?key|key_?material)$/i,
  /^(api_?key|api_?token|access_?token|refresh_?token|auth_?token|bearer_?token|session_?token|id_?token|token)$/i,
  /^(user_?data|userdata|custom_?data)$/i,
  /^(connection_?string|connection_?strings|connection_?uri|database_?url|sas_?token|primary_?key|secondary_?key)$/i,
];

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

  /** Redact at the given patterns, at secret key names anywhere, and in credential-bearing strings. */
  redact(value: JsonValue, patterns: PathPattern[]): JsonValue {
    const byPattern = transformAtPatterns(value, patterns, (matched) => this.markDeep(matched));
    return this.redactByShape(byPattern);
  }

  // Objects under a secret path (e.g. a whole `environment` map) keep their keys, lose their values.
  private markDeep(value: JsonValue): JsonValue {
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.markDeep(item)]));
    }
    if (Array.isArray(value)) return value.map((item) => this.markDeep(item));
    return this.mark(value);
  }

  private redactByShape(value: JsonValue): JsonValue {
    if (typeof value === 'string') {
      return credentialUrl.test(value) || privateKeyBlock.test(value) ? this.mark(value) : value;
    }
    if (Array.isArray(value)) {
      let changed = false;
      const output = value.map((item) => {
        const next = this.redactByShape(item);
        if (next !== item) changed = true;
        return next;
      });
      return changed ? output : value;
    }
    if (isPlainObject(value)) {
      let changed = false;
      const output: { [key: string]: JsonValue } = {};
      for (const [key, item] of Object.entries(value)) {
        const next = secretKeyNames.some((rule) => rule.test(key)) && !isPlainObject(item) && !Array.isArray(item)
          ? this.mark(item)
          : secretKeyNames.some((rule) => rule.test(key))
            ? this.markDeep(item)
            : this.redactByShape(item);
        if (next !== item) changed = true;
        output[key] = next;
      }
      return changed ? output : value;
    }
    return value;
  }
}

/** Compile pattern strings once. */
export function compilePatterns(sources: Iterable<string>): PathPattern[] {
  return [...new Set(sources)].map((source) => parsePathPattern(source));
}
