import type { ChangeFilter, ResourceFilter } from '@cloud-inventory/core';
import { resourceFilterOf } from '../commands/resource-filter-options.ts';
import { parseDuration } from '../parse/parse-time.ts';
import { tagFilterOf } from '../parse/parse-values.ts';
import { BadParameterError } from './serve-errors.ts';

/** Largest page the API serves. */
export const maximumPageSize = 1000;

/** Query parameters of one request: every value of every name. */
export type QueryValues = Record<string, string[]>;

/** Kinds of change the feed holds. */
export const changeKinds = ['created', 'updated', 'deleted', 'restored'] as const;
/** A change kind. */
export type ChangeKindName = (typeof changeKinds)[number];

/** The one value of a parameter (the last when repeated); undefined when absent or empty. */
export function single(query: QueryValues, name: string): string | undefined {
  const value = query[name]?.at(-1)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A whole number between `minimum` and `maximum`, or the default. */
export function parseLimit(
  query: QueryValues,
  options: { name?: string; fallback: number; maximum: number },
): number {
  const name = options.name ?? 'limit';
  const text = single(query, name);
  if (text === undefined) return options.fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > options.maximum)
    throw new BadParameterError({
      parameter: name,
      message: `${name} must be a whole number from 1 to ${options.maximum}; got "${text}"`,
    });
  return Number(text);
}

/** One of `choices`, or undefined when absent. */
export function parseChoice<Choice extends string>(
  query: QueryValues,
  name: string,
  choices: readonly Choice[],
): Choice | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if ((choices as readonly string[]).includes(text)) return text as Choice;
  throw new BadParameterError({
    parameter: name,
    message: `${name} must be one of ${choices.join(', ')}; got "${text}"`,
  });
}

/**
 * A moment: an ISO date or time (`2026-01-31`, `2026-01-31T12:00:00Z`), a duration back from now
 * (`30m`, `24h`, `7d`) or `now`: the CLI's `--since` syntax. A `datetime-local` value without a
 * zone (`2026-01-31T12:00`) is read as UTC.
 */
export function parseMoment(query: QueryValues, name: string, now: Date): Date | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (text === 'now') return now;
  const duration = parseDuration(text);
  if (duration !== undefined) return new Date(now.getTime() - duration);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
    const parsed = new Date(zoned);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  throw new BadParameterError({
    parameter: name,
    message: `${name} "${text}" is neither an ISO time (2026-01-31T12:00:00Z) nor a duration back from now (30m, 24h, 7d)`,
  });
}

/** `tag=k=v` (value must match) or `tag=k` (key must exist), repeatable. */
export function parseTagFilter(query: QueryValues): Record<string, string | true> | undefined {
  const { tags, missingKey } = tagFilterOf(query.tag ?? []);
  if (missingKey !== undefined)
    throw new BadParameterError({
      parameter: 'tag',
      message: `tag "${missingKey}" has no key; use tag=key=value or tag=key`,
    });
  return tags;
}

/**
 * The resource filter of `/api/resources` and `/api/inventory`, with the CLI's `list` semantics:
 * `cloud`, `provider` (the driver: `aws`, `aws-mock`; `driver` is the same), `service`, `type`,
 * `region`, `tag` (repeatable), `name` (substring of name or provider id) and `status`.
 */
export function parseResourceFilter(query: QueryValues): ResourceFilter {
  return resourceFilterOf({
    cloud: single(query, 'cloud'),
    driver: single(query, 'provider') ?? single(query, 'driver'),
    service: single(query, 'service'),
    type: single(query, 'type'),
    region: single(query, 'region'),
    name: single(query, 'name'),
    tags: parseTagFilter(query),
    status: parseChoice(query, 'status', ['active', 'deleted', 'all'] as const),
  });
}

/** A version number parameter (`from`, `to`): a whole number >= 1. */
export function parseVersionNumber(query: QueryValues, name: string): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new BadParameterError({
      parameter: name,
      message: `${name} must be a version number (a whole number >= 1); got "${text}"`,
    });
  return Number(text);
}

/** A cursor as the previous page returned it (opaque, base64url). */
export function parseCursor(query: QueryValues): string | undefined {
  const text = single(query, 'cursor');
  if (text !== undefined && !/^[A-Za-z0-9_-]+$/.test(text))
    throw new BadParameterError({
      parameter: 'cursor',
      message: 'cursor is not one this server returned; pass the cursor of the previous page',
    });
  return text;
}

/** Build the core change filter and the dashboard's extra options from a query. */
export function changeQueryFrom(query: QueryValues, now: Date, defaults: { limit: number }) {
  const since = parseMoment(query, 'since', now);
  const until = parseMoment(query, 'until', now);
  if (since && until && since > until)
    throw new BadParameterError({
      parameter: 'since',
      message: `since (${since.toISOString()}) is after until (${until.toISOString()})`,
    });
  const kind = parseChoice(query, 'kind', changeKinds);
  const filter: ChangeFilter = {
    ...(since ? { since: since.toISOString() } : {}),
    ...(until ? { until: until.toISOString() } : {}),
    ...(kind ? { kind } : {}),
  };
  const cloud = single(query, 'cloud');
  const type = single(query, 'type');
  const service = single(query, 'service');
  if (cloud) filter.cloudId = cloud;
  if (type) filter.resourceType = type;
  if (service) filter.service = service;
  const region = single(query, 'region');
  const name = single(query, 'name');
  const provider = single(query, 'provider') ?? single(query, 'driver');
  const order = parseChoice(query, 'order', ['asc', 'desc'] as const) ?? 'asc';
  const cursor = parseCursor(query);
  return {
    filter,
    options: {
      ...(region ? { region } : {}),
      ...(name ? { name } : {}),
      ...(provider ? { provider } : {}),
      order,
      limit: parseLimit(query, { fallback: defaults.limit, maximum: maximumPageSize }),
      ...(cursor ? { cursor } : {}),
    },
  };
}
