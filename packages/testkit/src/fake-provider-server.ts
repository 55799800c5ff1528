import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactHeaders, redactUrl } from '@cloud-inventory/driver-kit';
import { type FakeAuth, FakeAuthenticator } from './fake-auth.ts';
import { ActiveFault, type FakeFault, type FaultOptions, faultBody } from './fake-faults.ts';
import type { FakeRequest, FakeResponse } from './fake-request.ts';
import { compilePathPattern, type PathMatcher } from './route-pattern.ts';

/** Answers a routed request. */
export type FakeHandler = (
  request: FakeRequest,
  server: FakeProviderServer,
) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

/** One route of the fake server. */
export interface FakeRoute {
  /** HTTP method, or `*` for any. @default 'GET' */
  method?: string;
  /** Path pattern: `/v2/droplets/:id`, `/buckets/*`, or a RegExp. */
  path: string | RegExp;
  /** Extra condition, e.g. `matchAmzTarget('DynamoDB_20120810.ListTables')`. */
  match?: (request: FakeRequest) => boolean;
  /** Service the route belongs to; faults and the conformance suite target services by it. */
  service?: string;
  /** Computes the answer. */
  handler?: FakeHandler;
  /** A fixed answer. */
  response?: FakeResponse;
  /** A fixed JSON body answered with 200. */
  fixture?: unknown;
  /** False to serve without authentication (token endpoints, health checks). @default true */
  auth?: boolean;
}

/** A fixed JSON body served with 200. */
export type FakeFixture = object | string | number | boolean | null;

/** Routes as a list, or as a map from `'GET /path'` to a handler (function) or a JSON fixture (anything else). */
export type FakeRouteTable = readonly FakeRoute[] | Record<string, FakeHandler | FakeFixture>;

/** Options of `createFakeProviderServer`. */
export interface FakeProviderServerOptions {
  /** Route table. */
  routes?: FakeRouteTable;
  /** Authentication required on every route (unless the route says `auth: false`). */
  auth?: FakeAuth;
  /** Delay added to every request. @default 0 */
  latencyMs?: number;
}

/** One served request, as kept in the request log (auth headers redacted). */
export interface FakeRequestLogEntry {
  /** HTTP method. */
  method: string;
  /** URL path. */
  path: string;
  /** Query parameters (secret-looking values redacted). */
  query: Record<string, string>;
  /** Request headers with credentials redacted. */
  headers: Record<string, string>;
  /** Status answered; 0 when the connection was dropped. */
  status: number;
  /** Route pattern that served it. */
  route?: string;
  /** Service label of that route. */
  service?: string;
  /** True when an injected fault answered. */
  fault: boolean;
  /** When the request arrived (epoch ms). */
  receivedAt: number;
  /** Time to answer. */
  durationMs: number;
}

/** A running fake provider API on 127.0.0.1. */
export interface FakeProviderServer extends AsyncDisposable {
  /** Base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Port. */
  readonly port: number;
  /** Every request served since start or the last reset. */
  readonly requests: FakeRequestLogEntry[];
  /** TCP connections accepted since start (not reset): tells whether a client reused its sockets. */
  readonly connectionCount: number;
  /** Inject a failure (429 with Retry-After, 5xx, 401/403, latency, dropped connection) into matching requests. */
  injectFault(options: FaultOptions): FakeFault;
  /** Remove every injected fault. */
  clearFaults(): void;
  /** Add routes (checked before the existing ones). */
  addRoutes(routes: FakeRouteTable): void;
  /** Replace every route. */
  setRoutes(routes: FakeRouteTable): void;
  /** Change (or remove) the required authentication. */
  setAuth(auth: FakeAuth | undefined): void;
  /** Make every digest nonce stale: the next digest request gets `stale=true`. */
  expireDigestNonces(): void;
  /** Requests whose path matches a pattern. */
  requestsTo(path: string | RegExp, method?: string): FakeRequestLogEntry[];
  /** Clear the request log, faults and digest nonces; routes and auth stay. */
  reset(): void;
  /** Stop listening and close every connection. */
  close(): Promise<void>;
}

interface CompiledRoute {
  route: FakeRoute;
  method: string;
  path: PathMatcher;
}

function parseRouteKey(key: string): { method: string; path: string } {
  const match = /^\s*([A-Za-z*]+)\s+(\S+)\s*$/.exec(key);
  return match
    ? { method: match[1]!.toUpperCase(), path: match[2]! }
    : { method: 'GET', path: key.trim() };
}

/** Turn either route table form into a list of routes. */
export function normalizeRoutes(routes: FakeRouteTable | undefined): FakeRoute[] {
  if (!routes) return [];
  if (Array.isArray(routes)) return [...(routes as readonly FakeRoute[])];
  return Object.entries(routes as Record<string, unknown>).map(([key, value]) => {
    const { method, path } = parseRouteKey(key);
    return typeof value === 'function'
      ? { method, path, handler: value as FakeHandler }
      : { method, path, fixture: value };
  });
}

function compile(routes: FakeRouteTable | undefined): CompiledRoute[] {
  return normalizeRoutes(routes).map((route) => ({
    route,
    method: (route.method ?? 'GET').toUpperCase(),
    path: compilePathPattern(route.path),
  }));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(response: ServerResponse, answer: FakeResponse): number {
  const status = answer.status ?? 200;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {}))
    headers[name.toLowerCase()] = value;
  let body: string | Uint8Array = '';
  if (typeof answer.body === 'string') {
    body = answer.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (answer.body instanceof Uint8Array) {
    body = answer.body;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (answer.body !== undefined) {
    body = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(status, headers);
  response.end(body);
  return status;
}

// NOTE: the query and headers are redacted when first read (tests read few entries; redacting
// parses the URL again) and kept; the raw values are reachable only through these getters.
function createLogEntry(source: {
  method: string;
  path: string;
  href: string;
  headers: Record<string, string>;
  receivedAt: number;
}): FakeRequestLogEntry {
  let query: Record<string, string> | undefined;
  let headers: Record<string, string> | undefined;
  return {
    method: source.method,
    path: source.path,
    get query() {
      query ??= Object.fromEntries(new URL(redactUrl(source.href)).searchParams);
      return query;
    },
    get headers() {
      headers ??= redactHeaders(source.headers);
      return headers;
    },
    status: 0,
    fault: false,
    receivedAt: source.receivedAt,
    durationMs: 0,
  };
}

const delay = (milliseconds: number) =>
  milliseconds > 0
    ? new Promise<void>((resolve) => setTimeout(resolve, milliseconds))
    : Promise.resolve();

/** Start a fake provider API on `http://127.0.0.1:<random port>` with routes, auth, faults, pagination and a request log. */
export async function createFakeProviderServer(
  options: FakeProviderServerOptions = {},
): Promise<FakeProviderServer> {
  let routes = compile(options.routes);
  let authenticator = options.auth ? new FakeAuthenticator(options.auth) : undefined;
  let faults: ActiveFault[] = [];
  const requests: FakeRequestLogEntry[] = [];
  let baseUrl = '';

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const receivedAt = Date.now();
    const url = new URL(incoming.url ?? '/', baseUrl);
    const body = await readBody(incoming);
    const method = (incoming.method ?? 'GET').toUpperCase();
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      searchParams: url.searchParams,
      headers: headerRecord(incoming),
      body,
      params: {},
      url,
      json: <Body>() => JSON.parse(body) as Body,
      form: () => new URLSearchParams(body),
    };
    let matched: CompiledRoute | undefined;
    for (const candidate of routes) {
      if (candidate.method !== '*' && candidate.method !== method) continue;
      const params = candidate.path.match(url.pathname);
      if (!params) continue;
      request.params = params;
      if (candidate.route.match && !candidate.route.match(request)) continue;
      matched = candidate;
      break;
    }
    if (!matched) request.params = {};
    const entry = createLogEntry({
      method,
      path: url.pathname,
      // A string, so a handler that edits request.url does not change what was logged.
      href: url.href,
      headers: request.headers,
      receivedAt,
    });
    if (matched) entry.route = matched.path.source;
    if (matched?.route.service !== undefined) entry.service = matched.route.service;
    requests.push(entry);
    const finish = (answer: FakeResponse) => {
      if (answer.drop) {
        incoming.socket.destroy();
        entry.status = 0;
      } else {
        entry.status = send(outgoing, answer);
      }
      entry.durationMs = Date.now() - receivedAt;
    };

    await delay(options.latencyMs ?? 0);
    const fault = faults.find((candidate) => candidate.take(request, matched?.route.service));
    if (fault) {
      const injected = fault.options;
      await delay(injected.latencyMs ?? 0);
      const onlyLatency =
        injected.status === undefined &&
        !injected.dropConnection &&
        injected.latencyMs !== undefined;
      if (!onlyLatency) {
        entry.fault = true;
        if (injected.dropConnection) return finish({ drop: true });
        const status = injected.status ?? 500;
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          ...injected.headers,
        };
        if (injected.retryAfterSeconds !== undefined)
          headers['retry-after'] = String(injected.retryAfterSeconds);
        return finish({
          status,
          headers,
          body: injected.body === undefined ? faultBody(status) : injected.body,
        });
      }
    }
    if (authenticator && matched?.route.auth !== false) {
      const refusal = authenticator.check(request);
      if (refusal) return finish(refusal);
    }
    if (!matched) {
      return finish({
        status: 404,
        body: {
          id: 'not_found',
          message: `Fake provider server: no route for ${method} ${url.pathname}`,
        },
      });
    }
    const route = matched.route;
    let answer: FakeResponse | undefined;
    if (route.handler) answer = await route.handler(request, server);
    else if (route.response) answer = route.response;
    else answer = { status: 200, body: route.fixture ?? {} };
    finish(answer ?? { status: 204 });
  };

  const httpServer: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (outgoing.headersSent) {
        outgoing.destroy();
        return;
      }
      send(outgoing, {
        status: 500,
        body: {
          id: 'fake_server_error',
          message: `Fake provider handler threw: ${(error as Error)?.message ?? String(error)}`,
        },
      });
    });
  });
  let connectionCount = 0;
  httpServer.on('connection', () => {
    connectionCount += 1;
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const server: FakeProviderServer = {
    url: baseUrl,
    port,
    requests,
    get connectionCount() {
      return connectionCount;
    },
    injectFault(faultOptions) {
      const fault = new ActiveFault(faultOptions);
      faults.push(fault);
      return fault;
    },
    clearFaults() {
      faults = [];
    },
    addRoutes(table) {
      routes = [...compile(table), ...routes];
    },
    setRoutes(table) {
      routes = compile(table);
    },
    setAuth(auth) {
      authenticator = auth ? new FakeAuthenticator(auth) : undefined;
    },
    expireDigestNonces() {
      authenticator?.expireNonces();
    },
    requestsTo(path, method) {
      const matcher = compilePathPattern(path);
      return requests.filter(
        (entry) =>
          matcher.match(entry.path) !== undefined &&
          (!method || entry.method === method.toUpperCase()),
      );
    },
    reset() {
      requests.length = 0;
      faults = [];
      authenticator?.reset();
    },
    close() {
      return new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
    [Symbol.asyncDispose]() {
      return server.close();
    },
  };
  return server;
}
