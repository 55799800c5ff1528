import type { ChangeFilter } from '@cloud-inventory/core';
import { Hono } from 'hono';
import type { DashboardData } from './dashboard-data.ts';
import {
  changeKinds,
  parseChoice,
  parseCursor,
  parseLimit,
  parseMoment,
  parseResourceFilter,
  parseVersionNumber,
  type QueryValues,
  single,
} from './query-parameters.ts';
import { BadParameterError } from './serve-errors.ts';

/** Largest page the API serves. */
export const maximumPageSize = 1000;

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

/** The JSON API under `/api/`: the same queries and semantics as the CLI's read commands. */
export function createApiRoutes(data: DashboardData): Hono {
  const api = new Hono();

  api.get('/clouds', async (context) => context.json({ clouds: await data.clouds() }));

  api.get('/overview', async (context) => context.json(await data.overview()));

  api.get('/resources', async (context) => {
    const query = context.req.queries();
    const filter = parseResourceFilter(query);
    const limit = parseLimit(query, { fallback: 100, maximum: maximumPageSize });
    const cursor = parseCursor(query);
    return context.json(await data.resources(filter, { limit, ...(cursor ? { cursor } : {}) }));
  });

  api.get('/resources/:id', async (context) => {
    const id = context.req.param('id');
    const query = context.req.queries();
    const versionNumber = parseVersionNumber(query, 'version');
    const { reference, snapshot } = await data.resource(id);
    const number = versionNumber ?? Number(snapshot.latestVersion ?? 0);
    const version = number > 0 ? await data.plugin.getVersion(reference, number) : null;
    if (versionNumber !== undefined && !version)
      throw new BadParameterError({
        parameter: 'version',
        message: `${String(snapshot.id)} has no version ${versionNumber} (latest is ${String(snapshot.latestVersion)})`,
      });
    return context.json({ resource: snapshot, version });
  });

  api.get('/resources/:id/history', async (context) =>
    context.json(await data.history(context.req.param('id'))),
  );

  api.get('/resources/:id/diff', async (context) => {
    const query = context.req.queries();
    const from = parseVersionNumber(query, 'from');
    const to = parseVersionNumber(query, 'to');
    return context.json(
      await data.diff(context.req.param('id'), {
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      }),
    );
  });

  api.get('/changes', async (context) => {
    const now = new Date();
    const { filter, options } = changeQueryFrom(context.req.queries(), now, { limit: 100 });
    const page = await data.changes(filter, options);
    return context.json({
      since: filter.since ?? null,
      until: filter.until ?? now.toISOString(),
      ...page,
    });
  });

  api.get('/runs', async (context) => {
    const query = context.req.queries();
    const limit = parseLimit(query, { fallback: 20, maximum: 200 });
    return context.json({ runs: await data.runs(single(query, 'cloud'), limit) });
  });

  api.get('/inventory', async (context) => {
    const query = context.req.queries();
    const at = parseMoment(query, 'at', new Date());
    if (!at)
      throw new BadParameterError({
        parameter: 'at',
        message: 'at is required: an ISO time (2026-01-31T12:00:00Z) or a duration back (24h)',
      });
    const filter = parseResourceFilter(query);
    const limit = parseLimit(query, { fallback: 100, maximum: maximumPageSize });
    const cursor = parseCursor(query);
    const page = await data.inventoryAt(at, filter, { limit, ...(cursor ? { cursor } : {}) });
    return context.json({ at: at.toISOString(), ...page });
  });

  return api;
}
