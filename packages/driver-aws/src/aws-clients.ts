import type { RateLimitReport } from '@cloud-inventory/core';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from './aws-credentials.ts';
import { classifyAwsError, recordCallSite } from './aws-errors.ts';

/** What the driver needs of an SDK v3 client. */
export interface AwsSdkClient {
  /** Send a command. */
  send(command: any, options?: any): Promise<any>;
  /** Close the client's sockets. */
  destroy(): void;
  /** The client's middleware stack. */
  middlewareStack: {
    add(middleware: any, options: any): void;
    addRelativeTo(middleware: any, options: any): void;
  };
}

/** An SDK v3 client class (`EC2Client`, `S3Client`...). */
export type AwsClientConstructor<Client extends AwsSdkClient> = new (config: any) => Client;

/** Settings shared by every client of one driver. */
export interface AwsClientFactoryOptions {
  /** Shared, memoized credentials provider. */
  credentials: AwsCredentialIdentityProvider;
  /** Endpoint override for every service. */
  endpoint?: string;
  /** Attempts per call in adaptive retry mode. */
  maxAttempts: number;
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** Called for every throttled attempt the SDK is about to retry (or gives up on). */
  onThrottle: (report: RateLimitReport) => void;
}

function attemptOf(request: unknown): { attempt?: number; maxAttempts?: number } {
  const header = (request as { headers?: Record<string, string> } | undefined)?.headers?.[
    'amz-sdk-request'
  ];
  const match = header ? /attempt=(\d+);\s*max=(\d+)/.exec(header) : null;
  return match ? { attempt: Number(match[1]), maxAttempts: Number(match[2]) } : {};
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string> } })?.$response
    ?.headers;
  const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Builds and caches one SDK client per (client class, region, catalog service), all sharing the
 * credentials, endpoint, adaptive retry mode and the driver's two middlewares: one reports
 * throttled attempts (it sits inside the retry loop, so it sees each attempt), one records
 * which operation raised an error.
 */
export class AwsClientFactory {
  readonly #options: AwsClientFactoryOptions;
  readonly #clients = new Map<string, AwsSdkClient>();
  readonly #ids = new WeakMap<AwsClientConstructor<any>, number>();
  #nextId = 0;

  constructor(options: AwsClientFactoryOptions) {
    this.#options = options;
  }

  /**
   * The client of `Client` for `region`, labelled with the catalog `service` in reports; `pool`
   * keeps a separate client (and adaptive rate limiter) for calls that are not the service's own.
   */
  get<Client extends AwsSdkClient>(
    Client: AwsClientConstructor<Client>,
    region: string,
    service: string,
    pool = service,
  ): Client {
    let id = this.#ids.get(Client);
    if (id === undefined) {
      id = this.#nextId++;
      this.#ids.set(Client, id);
    }
    const key = `${id}|${region}|${service}|${pool}`;
    const cached = this.#clients.get(key);
    if (cached) return cached as Client;
    const client = new Client({
      region,
      credentials: this.#options.credentials,
      retryMode: 'adaptive',
      maxAttempts: this.#options.maxAttempts,
      // NOTE: HTTP/1.1 everywhere: Kinesis defaults to HTTP/2, which listing does not need and
      // which plain-http endpoints (LocalStack, proxies, the test suite) do not speak.
      requestHandler: new NodeHttpHandler({
        requestTimeout: this.#options.requestTimeoutMs,
        connectionTimeout: Math.min(10_000, this.#options.requestTimeoutMs),
      }),
      ...(this.#options.endpoint ? { endpoint: this.#options.endpoint, forcePathStyle: true } : {}),
    });
    this.#instrument(client, region, service);
    this.#clients.set(key, client);
    return client;
  }

  /** Close every client. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #instrument(client: AwsSdkClient, region: string, service: string): void {
    const onThrottle = this.#options.onThrottle;
    const operationOf = (context: { commandName?: string }) =>
      context.commandName?.replace(/Command$/, '');
    client.middlewareStack.addRelativeTo(
      (next: (args: any) => Promise<any>, context: { commandName?: string }) =>
        async (args: { request?: unknown }) => {
          try {
            return await next(args);
          } catch (error) {
            if (classifyAwsError(error) === 'throttled') {
              const { attempt, maxAttempts } = attemptOf(args.request);
              const waitMs = retryAfterMs(error);
              onThrottle({
                service,
                region,
                operation: operationOf(context),
                throttled: true,
                errorCode: (error as { name?: string }).name,
                ...(attempt !== undefined ? { attempt, maxAttempts } : {}),
                ...(waitMs !== undefined ? { waitMs } : {}),
              });
            }
            throw error;
          }
        },
      {
        relation: 'after',
        toMiddleware: 'retryMiddleware',
        name: 'cloudInventoryThrottleReporter',
        override: true,
      },
    );
    client.middlewareStack.add(
      (next: (args: any) => Promise<any>, context: { commandName?: string }) =>
        async (args: unknown) => {
          try {
            return await next(args);
          } catch (error) {
            recordCallSite(error, { service, region, operation: operationOf(context) });
            throw error;
          }
        },
      { step: 'initialize', priority: 'high', name: 'cloudInventoryCallSite', override: true },
    );
  }
}
