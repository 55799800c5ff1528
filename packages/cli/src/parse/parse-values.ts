import { UsageError } from '../errors/usage-error.ts';

/** A whole number >= `minimum` from an option value. */
export function parseInteger(
  text: string | undefined,
  option: string,
  minimum = 0,
): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < minimum) {
    throw new UsageError({
      message: `${option} expects a whole number >= ${minimum}, got "${text}"`,
      hint: `e.g. ${option} ${Math.max(minimum, 10)}`,
    });
  }
  return Number(text);
}

/** `--tag key=value` (value required) or `--tag key` (the key must exist) into a filter object. */
export function parseTags(values: string[] | undefined): Record<string, string | true> | undefined {
  const { tags, missingKey } = tagFilterOf(values ?? []);
  if (missingKey !== undefined)
    throw new UsageError({
      message: `--tag "${missingKey}" has no key`,
      hint: 'use --tag key=value or --tag key',
    });
  return tags;
}

/**
 * Tag filters (`key=value`, or `key` alone to require the key) as a map, shared by the CLI's
 * `--tag` and the dashboard's `tag=`; `missingKey` is the first entry without a key.
 */
export function tagFilterOf(values: readonly string[]): {
  tags?: Record<string, string | true>;
  missingKey?: string;
} {
  const entries = values.map((value) => value.trim()).filter((value) => value !== '');
  if (entries.length === 0) return {};
  const tags: Record<string, string | true> = {};
  for (const value of entries) {
    const separator = value.indexOf('=');
    const key = (separator === -1 ? value : value.slice(0, separator)).trim();
    if (key === '') return { missingKey: value };
    tags[key] = separator === -1 ? true : value.slice(separator + 1);
  }
  return { tags };
}

/** One of `choices`, or a usage error listing them. */
export function parseChoice<Choice extends string>(
  text: string | undefined,
  option: string,
  choices: readonly Choice[],
): Choice | undefined {
  if (text === undefined) return undefined;
  if ((choices as readonly string[]).includes(text)) return text as Choice;
  throw new UsageError({
    message: `${option} must be one of ${choices.join(', ')}; got "${text}"`,
    hint: `e.g. ${option} ${choices[0]}`,
  });
}
