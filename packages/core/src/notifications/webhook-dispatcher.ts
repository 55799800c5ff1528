import { createHmac } from 'node:crypto';
import type { NotificationTarget } from '../options/plugin-options.ts';
import type { InventoryLogger } from '../types.ts';

/** Events a plugin emits that webhooks can receive. */
export const notifiableEvents = [
  'resource.created',
  'resource.updated',
  'resource.deleted',
  'resource.restored',
  'sync.started',
  'sync.completed',
  'sync.failed',
] as const;

/** Header carrying `sha256=<hex>` of the body keyed with the target's secret. */
export const signatureHeader = 'X-Cloud-Inventory-Signature';

/** Options of the dispatcher. */
export interface WebhookDispatcherOptions {
  targets: NotificationTarget[];
  logger: InventoryLogger;
  /** Longest wait before a batch is sent. @default 1000 */
  batchIntervalMs?: number;
  /** Largest batch. @default 500 */
  maximumBatchSize?: number;
  /** Delivery attempts per batch. @default 4 */
  attempts?: number;
  /** First retry delay, doubled each time. @default 500 */
  retryDelayMs?: number;
  /** Per-request timeout. @default 10000 */
  timeoutMs?: number;
}

interface TargetState {
  target: NotificationTarget;
  queue: Array<{ event: string; at: string; payload: unknown }>;
  timer: NodeJS.Timeout | undefined;
  sending: Promise<void> | undefined;
}

/** Batches plugin events per webhook and delivers them in the background; never blocks a sync. */
export class WebhookDispatcher {
  readonly #options: Required<Omit<WebhookDispatcherOptions, 'targets' | 'logger'>> &
    Pick<WebhookDispatcherOptions, 'logger'>;
  readonly #states: TargetState[];
  /** Batches delivered, failed after every attempt, and events dropped. */
  readonly stats = { delivered: 0, failed: 0, dropped: 0 };

  constructor(options: WebhookDispatcherOptions) {
    this.#options = {
      logger: options.logger,
      batchIntervalMs: options.batchIntervalMs ?? 1000,
      maximumBatchSize: options.maximumBatchSize ?? 500,
      attempts: options.attempts ?? 4,
      retryDelayMs: options.retryDelayMs ?? 500,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
    this.#states = options.targets.map((target) => ({
      target,
      queue: [],
      timer: undefined,
      sending: undefined,
    }));
  }

  /** Queue an event for every target that wants it. */
  publish(event: string, payload: unknown): void {
    for (const state of this.#states) {
      if (!wants(state.target, event, payload)) continue;
      // A receiver that is down must not make memory grow without bound.
      if (state.queue.length >= this.#options.maximumBatchSize * 20) {
        this.stats.dropped += 1;
        continue;
      }
      state.queue.push({ event, at: new Date().toISOString(), payload });
      if (state.queue.length >= this.#options.maximumBatchSize || event.startsWith('sync.'))
        this.schedule(state, 0);
      else this.schedule(state, this.#options.batchIntervalMs);
    }
  }

  /** Send everything queued and wait for delivery (or failure). */
  async flush(): Promise<void> {
    await Promise.all(
      this.#states.map(async (state) => {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
        while (state.sending || state.queue.length > 0) {
          if (state.sending) await state.sending;
          else await this.send(state);
        }
      }),
    );
  }

  private schedule(state: TargetState, delay: number): void {
    if (state.timer && delay > 0) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!state.sending) void this.send(state);
    }, delay);
    state.timer.unref();
  }

  private send(state: TargetState): Promise<void> {
    const batch = state.queue.splice(0, this.#options.maximumBatchSize);
    if (batch.length === 0) return Promise.resolve();
    state.sending = this.deliver(state.target, batch).finally(() => {
      state.sending = undefined;
      if (state.queue.length > 0) this.schedule(state, 0);
    });
    return state.sending;
  }

  private async deliver(target: NotificationTarget, batch: TargetState['queue']): Promise<void> {
    const body = JSON.stringify({
      source: 'cloud-inventory',
      sentAt: new Date().toISOString(),
      events: batch,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'cloud-inventory-webhook',
    };
    if (target.secret)
      headers[signatureHeader] =
        `sha256=${createHmac('sha256', target.secret).update(body).digest('hex')}`;
    let delay = this.#options.retryDelayMs;
    for (let attempt = 1; attempt <= this.#options.attempts; attempt += 1) {
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(this.#options.timeoutMs),
        });
        await response.body?.cancel().catch(() => {});
        if (response.ok) {
          this.stats.delivered += 1;
          return;
        }
        if (response.status < 500 && response.status !== 429) break;
      } catch {
        // Network errors are retried below.
      }
      if (attempt < this.#options.attempts) {
        await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())).unref());
        delay *= 2;
      }
    }
    this.stats.failed += 1;
    this.#options.logger.warn('webhook delivery failed after retries', {
      url: redactUrl(target.url),
      events: batch.length,
    });
  }
}

function wants(target: NotificationTarget, event: string, payload: unknown): boolean {
  if (target.events && target.events.length > 0 && !target.events.includes(event)) return false;
  const filter = target.filter;
  if (!filter) return true;
  const data = (payload ?? {}) as Record<string, unknown>;
  if (filter.cloudId && data.cloudId !== filter.cloudId) return false;
  if (event.startsWith('resource.')) {
    if (filter.resourceType && data.resourceType !== filter.resourceType) return false;
    if (filter.service && data.service !== filter.service) return false;
    if (filter.kind && data.kind !== filter.kind) return false;
  }
  return true;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
