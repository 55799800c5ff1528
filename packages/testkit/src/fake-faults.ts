import type { FakeRequest } from './fake-request.ts';
import { compilePathPattern, type PathMatcher } from './route-pattern.ts';

/** A failure to inject into matching requests. */
export interface FaultOptions {
  /** Only this method. */
  method?: string;
  /** Only paths matching this pattern (`/v2/volumes`, `/v2/droplets/:id`, a RegExp). */
  path?: string | RegExp;
  /** Only requests routed to routes labelled with this service. */
  service?: string;
  /** Any other condition. */
  match?: (request: FakeRequest) => boolean;
  /** Status to answer. @default 500 (unless only latency is injected or the connection is dropped) */
  status?: number;
  /** How many matching requests fail; `Infinity` for all. @default 1 */
  times?: number;
  /** Adds `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Response body. @default a JSON error naming the status */
  body?: unknown;
  /** Delay before answering; alone, it slows the request and then serves it normally. */
  latencyMs?: number;
  /** Destroy the socket instead of answering. */
  dropConnection?: boolean;
}

/** A fault that was injected: how often it fired and how often it still will. */
export interface FakeFault {
  /** Requests it has hit. */
  readonly hits: number;
  /** Requests it will still hit. */
  readonly remaining: number;
  /** Stop injecting it. */
  clear(): void;
}

/** One active fault with its counters. */
export class ActiveFault implements FakeFault {
  readonly options: FaultOptions;
  readonly #path: PathMatcher | undefined;
  #hits = 0;
  #remaining: number;
  #cleared = false;

  constructor(options: FaultOptions) {
    this.options = options;
    this.#path = options.path === undefined ? undefined : compilePathPattern(options.path);
    this.#remaining = options.times ?? 1;
  }

  get hits(): number {
    return this.#hits;
  }

  get remaining(): number {
    return this.#cleared ? 0 : this.#remaining;
  }

  clear(): void {
    this.#cleared = true;
  }

  /** True when the fault applies to the request (and counts the hit). */
  take(request: FakeRequest, service: string | undefined): boolean {
    if (this.remaining <= 0) return false;
    const options = this.options;
    if (options.method && options.method.toUpperCase() !== request.method) return false;
    if (this.#path && !this.#path.match(request.path)) return false;
    if (options.service !== undefined && options.service !== service) return false;
    if (options.match && !options.match(request)) return false;
    this.#hits += 1;
    this.#remaining -= 1;
    return true;
  }
}

/** Default JSON error body of an injected status. */
export function faultBody(status: number): string {
  const id =
    status === 429
      ? 'too_many_requests'
      : status === 401
        ? 'unauthorized'
        : status === 403
          ? 'forbidden'
          : status >= 500
            ? 'server_error'
            : 'error';
  return JSON.stringify({ id, message: `Injected fault: HTTP ${status}` });
}
