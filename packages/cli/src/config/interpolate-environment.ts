import { UsageError } from '../errors/usage-error.ts';

const reference = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A `${NAME}` reference whose variable is not set. */
export interface MissingVariable {
  /** Variable name. */
  name: string;
  /** Config path of the string that uses it (`clouds[0].credentials.token`). */
  path: string;
}

/** The message for a variable that is not set. */
export function missingVariableMessage(missing: MissingVariable, configPath: string): string {
  return `environment variable ${missing.name} is not set (used at ${missing.path || '(root)'} in ${configPath})`;
}

/**
 * Replace `${NAME}` (and `${NAME:-default}`) in every string of a config with environment values;
 * `$$` is a literal `$`. Only plain objects and arrays are walked, so driver classes are left alone.
 * A variable that is not set (and has no default) is an error naming it and the config path, or,
 * when `missing` is given, is collected there and replaced by an empty string.
 */
export function interpolateEnvironment<Value>(
  value: Value,
  environment: NodeJS.ProcessEnv,
  configPath: string,
  path = '',
  missing?: MissingVariable[],
): Value {
  if (typeof value === 'string') {
    return value.replace(
      reference,
      (match, name: string | undefined, fallback: string | undefined) => {
        if (match === '$$') return '$';
        const found = environment[name as string];
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        const reference = { name: name as string, path };
        if (missing) {
          missing.push(reference);
          return '';
        }
        throw new UsageError({
          message: missingVariableMessage(reference, configPath),
          hint: `export ${name}=... before running the command, or write \${${name}:-default} in the config`,
        });
      },
    ) as Value;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      interpolateEnvironment(item, environment, configPath, `${path}[${index}]`, missing),
    ) as Value;
  }
  if (isPlainObject(value)) {
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      output[key] = interpolateEnvironment(
        item,
        environment,
        configPath,
        path ? `${path}.${key}` : key,
        missing,
      );
    }
    return output as Value;
  }
  return value;
}
