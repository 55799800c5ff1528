import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRandom } from './prng.ts';

/** What the proxy can do to a request instead of (or on top of) forwarding it. */
export type FaultKind = 'internal-error' | 'slow-down' | 'slow' | 'reset' | 'reset-after-forward';

/** Which share of requests gets a fault, chosen with a seeded PRNG. */
export interface FaultPlan {
  /** 0..1 share of requests that get a fault. */
  share: number;
  /** Kinds to pick from, uniformly. */
  kinds: FaultKind[];
  /** Seed of the PRNG that picks requests and kinds. */
  seed: number;
  /** Delay of a `slow` response. @default 300 */
  slowMs?: number;
  /** Only requests whose `METHOD path` matches. */
  match?: RegExp;
  /** Stop injecting after this many faults. */
  limit?: number;
}

/** Counters the tests read. */
export interface ProxyStats {
  requests: number;
  forwarded: number;
  faults: Record<FaultKind, number>;
  /** Conditional PUTs refused with 412 by the emulation. */
  preconditionFailures: number;
  /** Conditional PUTs accepted by the emulation. */
  conditionalWrites: number;
  /** Requests seen, by method. */
  byMethod: Record<string, number>;
  /** Requests the AWS SDK marked as a retry (`amz-sdk-request: attempt=2` and up). */
  sdkRetries: number;
}

/** A running proxy. */
export interface S3Proxy {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  stats: ProxyStats;
  /** Replace the fault plan (null: no faults). */
  setFaults(plan: FaultPlan | null): void;
  stop(): Promise<void>;
}

const errorBodies = {
  'internal-error': {
    status: 500,
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
  },
  'slow-down': { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
} as const;

function xmlError(code: string, message: string, resource: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Resource><RequestId>proxy</RequestId></Error>`;
}

const normalizeEtag = (value: string | undefined) =>
  (value ?? '').replace(/^W\//i, '').replace(/^"|"$/g, '');

/**
 * An HTTP proxy on 127.0.0.1 in front of an S3 server. It can inject faults (500 InternalError,
 * 503 SlowDown with S3's XML body, slow responses, connections reset before or after the request
 * reached the server) on a seeded share of requests, and it can emulate S3 conditional writes
 * (`If-None-Match: *` and `If-Match: <etag>` on PutObject, as AWS S3 has done since 2024) for a
 * server that ignores them: a conditional PUT is checked against the object's current ETag and
 * forwarded while no other write to that key runs, or refused with 412 PreconditionFailed.
 */
export async function startS3Proxy(options: {
  target: string;
  conditionalWrites?: boolean;
  faults?: FaultPlan | null;
}): Promise<S3Proxy> {
  const target = new URL(options.target);
  let plan: FaultPlan | null = options.faults ? { ...options.faults } : null;
  let random = createRandom(plan?.seed ?? 1);
  const stats: ProxyStats = {
    requests: 0,
    forwarded: 0,
    preconditionFailures: 0,
    conditionalWrites: 0,
    byMethod: {},
    sdkRetries: 0,
    faults: { 'internal-error': 0, 'slow-down': 0, slow: 0, reset: 0, 'reset-after-forward': 0 },
  };
  const keyLocks = new Map<string, Promise<void>>();
  const sockets = new Set<Socket>();

  const withKeyLock = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    while (keyLocks.has(key)) await keyLocks.get(key);
    let release: () => void = () => {};
    keyLocks.set(
      key,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    try {
      return await task();
    } finally {
      keyLocks.delete(key);
      release();
    }
  };

  const readBody = async (incoming: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const upstream = (
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    body?: Buffer,
  ) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const outgoing = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method,
            path,
            headers: { ...headers, host: target.host },
          },
          (response) => {
            readBody(response).then(
              (buffer) =>
                resolve({
                  status: response.statusCode ?? 502,
                  headers: response.headers,
                  body: buffer,
                }),
              reject,
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      },
    );

  const respond = (
    response: ServerResponse,
    result: { status: number; headers: IncomingMessage['headers']; body: Buffer },
  ) => {
    const headers = { ...result.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(result.body.length);
    response.writeHead(result.status, headers);
    response.end(result.body);
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    stats.requests += 1;
    const method = incoming.method ?? 'GET';
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const path = incoming.url ?? '/';
    const body = await readBody(incoming);
    const attempt = /attempt=(\d+)/.exec(String(incoming.headers['amz-sdk-request'] ?? ''));
    if (attempt && Number(attempt[1]) > 1) stats.sdkRetries += 1;
    let fault: FaultKind | undefined;
    const eligible =
      plan &&
      plan.kinds.length > 0 &&
      (!plan.match || plan.match.test(`${method} ${decodeURIComponent(path)}`));
    if (plan && eligible && random() < plan.share) {
      fault = plan.kinds[Math.floor(random() * plan.kinds.length)];
      if (plan.limit !== undefined) {
        plan.limit -= 1;
        if (plan.limit <= 0) plan = null;
      }
    }
    if (fault) stats.faults[fault] += 1;
    if (fault === 'reset') {
      incoming.socket.destroy();
      return;
    }
    if (fault === 'internal-error' || fault === 'slow-down') {
      const error = errorBodies[fault];
      const text = method === 'HEAD' ? '' : xmlError(error.code, error.message, path);
      response.writeHead(error.status, {
        'content-type': 'application/xml',
        'content-length': String(Buffer.byteLength(text)),
        ...(fault === 'slow-down' ? { 'retry-after': '0' } : {}),
      });
      response.end(text);
      return;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, plan?.slowMs ?? 300));

    const ifNoneMatch = incoming.headers['if-none-match'];
    const ifMatch = incoming.headers['if-match'];
    const key = path.split('?')[0] as string;
    const isWrite = method === 'PUT' || method === 'DELETE';
    const forward = async () => {
      if (options.conditionalWrites && method === 'PUT' && (ifNoneMatch || ifMatch)) {
        const head = await upstream('HEAD', key, {
          ...(incoming.headers.authorization
            ? { authorization: incoming.headers.authorization }
            : {}),
        });
        const exists = head.status === 200;
        const current = normalizeEtag(head.headers.etag as string | undefined);
        const refused =
          (ifNoneMatch === '*' && exists) ||
          (ifMatch !== undefined &&
            (!exists ||
              !String(ifMatch)
                .split(',')
                .map((tag) => normalizeEtag(tag.trim()))
                .includes(current)));
        if (refused) {
          stats.preconditionFailures += 1;
          const text = xmlError(
            'PreconditionFailed',
            'At least one of the pre-conditions you specified did not hold',
            key,
          );
          return {
            status: 412,
            headers: { 'content-type': 'application/xml' },
            body: Buffer.from(text),
          };
        }
        stats.conditionalWrites += 1;
      }
      stats.forwarded += 1;
      return upstream(method, path, incoming.headers, body);
    };
    const result =
      options.conditionalWrites && isWrite ? await withKeyLock(key, forward) : await forward();
    if (fault === 'reset-after-forward') {
      incoming.socket.destroy();
      return;
    }
    respond(response, result);
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setFaults(next) {
      plan = next ? { ...next } : null;
      random = createRandom(next?.seed ?? 1);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
