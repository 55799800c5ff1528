import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { parseInteger } from '../parse/parse-values.ts';
import { createDashboardApp } from '../serve/dashboard-app.ts';
import { DashboardData } from '../serve/dashboard-data.ts';
import { isLoopbackHost, startDashboardServer } from '../serve/dashboard-server.ts';
import { openReadOnlyInventory } from '../serve/open-read-only-inventory.ts';
import { maskCredentials } from '../store/mask-credentials.ts';
import type { CommandDefinition, CommandInput } from './command.ts';
import { stringValue } from './command.ts';

/** Default port of `serve`. */
export const defaultServePort = 4780;

function tokenFor(context: CliContext, input: CommandInput, host: string): string | undefined {
  const token = stringValue(input, 'token') ?? context.environment.CLOUD_INVENTORY_TOKEN;
  if (token !== undefined && token.length < 16)
    throw new UsageError({
      message: 'the token must be at least 16 characters long',
      hint: 'generate one: `openssl rand -hex 32`',
    });
  if (!token && !isLoopbackHost(host))
    throw new UsageError({
      message: `--host ${host} makes the dashboard reachable from other machines; it then needs a bearer token`,
      hint: 'pass --token <secret> or set CLOUD_INVENTORY_TOKEN (e.g. `export CLOUD_INVENTORY_TOKEN=$(openssl rand -hex 32)`), or keep the default --host 127.0.0.1',
    });
  return token || undefined;
}

/** `cloud-inventory serve`: the read-only web dashboard and JSON API on the store. */
export const serveCommand: CommandDefinition = {
  name: 'serve',
  summary: 'Serve a read-only web dashboard and JSON API (/api/...) on the store',
  usage: 'serve [--host 127.0.0.1] [--port 4780] [--token T]',
  description: [
    'Overview, inventory (any point in time), resources with their version timeline and diffs, the change feed and runs.',
    'Reads the store only; needs no provider credentials. Binds 127.0.0.1 by default; any other host requires a bearer token',
    '(--token or CLOUD_INVENTORY_TOKEN) on every request. Stop it with Ctrl-C.',
  ],
  options: {
    host: {
      type: 'string',
      valueName: '<host>',
      description: 'Address to listen on (default 127.0.0.1; others need a token)',
    },
    port: { type: 'string', valueName: '<port>', description: 'Port (default 4780; 0 picks one)' },
    token: {
      type: 'string',
      valueName: '<token>',
      description: 'Bearer token required on every request (default: CLOUD_INVENTORY_TOKEN)',
    },
  },
  json: false,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 0 },
  examples: [
    'serve',
    'serve --store .cloud-inventory/demo --port 8080',
    'serve --host 0.0.0.0 --token "$(openssl rand -hex 32)"',
  ],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const host = stringValue(input, 'host') ?? '127.0.0.1';
    const port = parseInteger(stringValue(input, 'port'), '--port', 0) ?? defaultServePort;
    if (port > 65_535)
      throw new UsageError({ message: `--port ${port} is not a port`, hint: 'e.g. --port 4780' });
    const token = tokenFor(context, input, host);
    const inventory = await openReadOnlyInventory(context);
    try {
      const data = new DashboardData(inventory.plugin, { driverOf: inventory.driverOf });
      const app = createDashboardApp({
        data,
        storeDisplay: inventory.store.display,
        ...(token ? { token } : {}),
        onError: (error) =>
          context.log(
            `serve: ${maskCredentials(error instanceof Error ? ((context.global.verbose ? error.stack : error.message) ?? '') : String(error))}`,
          ),
      });
      const server = await startDashboardServer(app, { host, port }).catch((error: unknown) => {
        throw new UsageError({
          message: `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'pick another --port (or --port 0 for any free one)',
          cause: error,
        });
      });
      context.log(
        `Cloud Inventory dashboard on ${server.url}/  (store ${inventory.store.display})`,
      );
      // The overview folds each cloud's change feed once per run (seconds at 10^5 resources) and a
      // file store's first listing reads its folder: start both now, so the first visit finds them ready.
      void data
        .resources({}, { limit: 1 })
        .then(() => data.overview())
        .catch(() => {});
      context.log(
        token
          ? 'every request needs `Authorization: Bearer <token>`; in a browser open the URL once with ?token=<token>'
          : 'read-only; JSON API under /api/ (see the README); Ctrl-C stops it',
      );
      await new Promise<void>((resolve) => {
        const unsubscribe = context.signals.onTerminate(() => {
          unsubscribe();
          resolve();
        });
      });
      await server.close();
      return 0;
    } finally {
      await inventory.close();
    }
  },
};
