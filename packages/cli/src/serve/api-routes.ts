import { Hono } from 'hono';
import type { DashboardData } from './dashboard-data.ts';
import {
  changeQueryFrom,
  maximumPageSize,
  parseCursor,
  parseLimit,
  parseMoment,
  parseResourceFilter,
  parseVersionNumber,
  single,
} from './query-parameters.ts';
import { BadParameterError } from './serve-errors.ts';

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
