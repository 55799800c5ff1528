import { fork } from 'node:child_process';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { emptyCounts, type RequestCounts, type RequestKind } from './bench-request-counter.ts';

/** Credentials for the local server (it accepts any). */
export const benchAccessKey = 'BENCHACCESSKEY';
export const benchSecretKey = 'bench-secret-key-not-real';

/** Where a running server listens. */
export interface BenchS3Endpoints {
  /** fauxqs itself (for setup that must not be counted). */
  direct: string;
  /** The counting proxy in front of it (what the benchmarked databases use). */
  counted: string;
}

/** Classify one S3 HTTP request as the benchmark reports it. */
export function classifyS3Request(
  method: string,
  url: string,
  headers: IncomingMessage['headers'],
): RequestKind | undefined {
  const [path = '/', query = ''] = url.split('?');
  const segments = path.split('/').filter(Boolean);
  const onBucket = segments.length <= 1;
  if (method === 'PUT') return headers['x-amz-copy-source'] ? 'COPY' : 'PUT';
  if (method === 'GET') return onBucket || /(^|&)list-type=/.test(query) ? 'LIST' : 'GET';
  if (method === 'HEAD') return 'HEAD';
  if (method === 'DELETE') return 'DELETE';
  if (method === 'POST' && /(^|&)delete(=|&|$)/.test(query)) return 'DELETE';
  return undefined;
}

function uploadBytes(headers: IncomingMessage['headers'], received: number): number {
  let bytes = Number(headers['x-amz-decoded-content-length'] ?? Number.NaN);
  if (!Number.isFinite(bytes)) bytes = received;
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith('x-amz-meta-'))
      bytes += name.length - 'x-amz-meta-'.length + String(value).length;
  return bytes;
}

/**
 * An HTTP proxy on 127.0.0.1 that counts S3 requests by kind (the truest count: what crosses the
 * wire) and forwards them to `target`. `GET /__bench/counts` answers the counts, `POST
 * /__bench/reset` zeroes them; neither is counted.
 */
export async function startCountingProxy(
  target: string,
): Promise<{ endpoint: string; counts: () => RequestCounts; stop: () => Promise<void> }> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let counts = emptyCounts();
  const forward = (incoming: IncomingMessage, response: ServerResponse, kind?: RequestKind) => {
    let received = 0;
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    incoming.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    incoming.on('end', () => {
      if (kind === 'PUT' || kind === 'COPY')
        counts.bytesWritten += uploadBytes(incoming.headers, kind === 'PUT' ? received : 0);
    });
    outgoing.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
    incoming.pipe(outgoing);
  };
  const server = createServer((incoming, response) => {
    const url = incoming.url ?? '/';
    if (url === '/__bench/counts') {
      const cpu = process.cpuUsage();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ counts, serverCpuMs: (cpu.user + cpu.system) / 1000 }));
      return;
    }
    if (url === '/__bench/reset') {
      counts = emptyCounts();
      response.writeHead(204);
      response.end();
      return;
    }
    const kind = classifyS3Request(incoming.method ?? 'GET', url, incoming.headers);
    if (kind) {
      counts[kind] += 1;
      counts.total += 1;
    }
    forward(incoming, response, kind);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** The proxy's counts so far, and the CPU time its process (server and proxy) has used. */
export interface WireSnapshot {
  counts: RequestCounts;
  serverCpuMs: number;
}

/** Read the proxy's counts over HTTP. */
export async function fetchWireCounts(counted: string): Promise<WireSnapshot> {
  const response = await fetch(`${counted}/__bench/counts`);
  return (await response.json()) as WireSnapshot;
}

/**
 * How s3db.js's S3 client is set up. `tuned` (the benchmark's default, for both engines): core's
 * `recommendedDatabaseOptions` (the AWS SDK's HTTP handler, retries of transient errors only).
 * `default`: s3db.js 21.6.2 as it comes, where (1) its recker handler (1.0.56 here) fails every
 * DeleteObject (S3 answers 204: "Response constructor: Invalid response status code 204") and
 * retries it for ~3.5 s, and (2) the executor pool's `retryableErrors: []` means "retry every error":
 * each 404 and 412 is retried 3 times with 1 + 2 + 4 s of back-off.
 */
export type S3ClientSetup = 'tuned' | 'default';

/** An s3db.js connection string for a bucket behind an endpoint. */
export function s3ConnectionString(endpoint: string, bucket: string): string {
  const url = new URL(`${endpoint}/${bucket}`);
  url.username = encodeURIComponent(benchAccessKey);
  url.password = encodeURIComponent(benchSecretKey);
  return url.toString();
}

/** Create a bucket with the AWS SDK (directly on the server, not counted). */
export async function createBenchBucket(direct: string, bucket: string): Promise<void> {
  const client = new S3Client({
    endpoint: direct,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: benchAccessKey, secretAccessKey: benchSecretKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}

/** A server running in its own process, so its memory and CPU are not the benchmarked process's. */
export interface BenchS3ServerProcess {
  endpoints: BenchS3Endpoints;
  stop(): Promise<void>;
}

/** Fork `bench-s3-server-process.ts` (fauxqs plus the counting proxy) and wait until it listens. */
export async function startS3ServerProcess(): Promise<BenchS3ServerProcess> {
  const child = fork(new URL('./bench-s3-server-process.ts', import.meta.url), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: ['--conditions=source'],
  });
  const endpoints = await new Promise<BenchS3Endpoints>((resolve, reject) => {
    child.once('message', (message) => resolve(message as BenchS3Endpoints));
    child.once('exit', (code) => reject(new Error(`S3 server process exited with code ${code}`)));
  });
  return {
    endpoints,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
