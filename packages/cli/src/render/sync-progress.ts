import type { CloudInventoryPlugin, SyncSummary } from '@cloud-inventory/core';
import { type Palette, stripAnsi } from '../terminal/palette.ts';
import { formatCount, formatDuration, formatQuantity } from './format.ts';

/** Where and how progress is shown. */
export interface SyncProgressOptions {
  /** Progress stream (stderr). */
  stream: NodeJS.WritableStream;
  /** Styles for that stream. */
  palette: Palette;
  /** Redraw a block of lines in place (TTY); otherwise print one line per event. */
  live: boolean;
  /** Clouds expected, in display order (others are added when they start). */
  cloudIds: string[];
  /** Prefix plain lines with the time (long-running `run`). @default false */
  timestamps?: boolean;
  /** Redraw interval in ms. @default 120 */
  intervalMs?: number;
  /** Print no per-event lines when not live (the caller reports instead). @default false */
  quiet?: boolean;
}

type CloudState = 'waiting' | 'running' | 'done';

interface CloudProgress {
  state: CloudState;
  startedAt: number;
  processed: number;
  created: number;
  updated: number;
  deleted: number;
  service?: string;
  region?: string;
  throttledUntil: number;
  throttleScope?: string;
  throttleWaits: number;
  summary?: SyncSummary;
}

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Live per-cloud sync progress from plugin events: resources, rate, current scope, throttling. */
export class SyncProgress {
  readonly #options: SyncProgressOptions;
  readonly #clouds = new Map<string, CloudProgress>();
  readonly #listeners: Array<[string, (payload: any) => void]> = [];
  #plugin: CloudInventoryPlugin | undefined;
  #timer: NodeJS.Timeout | undefined;
  #drawnLines = 0;
  #frame = 0;

  constructor(options: SyncProgressOptions) {
    this.#options = options;
    for (const cloudId of options.cloudIds) this.#clouds.set(cloudId, this.#fresh());
  }

  /** Listen to a plugin's sync events and start redrawing (live mode). */
  attach(plugin: CloudInventoryPlugin): void {
    this.#plugin = plugin;
    const on = (event: string, listener: (payload: any) => void) => {
      plugin.on(event, listener);
      this.#listeners.push([event, listener]);
    };
    on('sync.started', (payload) => this.#started(payload));
    on('sync.progress', (payload) => this.#progress(payload));
    on('sync.rateLimit', (payload) => this.#rateLimit(payload));
    on('sync.completed', (payload) => this.#finished(payload));
    on('sync.failed', (payload) => this.#finished(payload));
    for (const kind of ['created', 'updated', 'deleted', 'restored'] as const) {
      on(`resource.${kind}`, (payload) => {
        const cloud = this.#cloud(payload?.cloudId);
        if (kind === 'deleted') cloud.deleted += 1;
        else if (kind === 'updated') cloud.updated += 1;
        else cloud.created += 1;
      });
    }
    if (this.#options.live) {
      this.#options.stream.write('\u001b[?25l');
      this.#timer = setInterval(() => this.#draw(), this.#options.intervalMs ?? 120);
      this.#timer.unref();
    }
  }

  /** Stop listening, draw the final state (or erase it) and restore the cursor. */
  detach(options: { erase?: boolean } = {}): void {
    for (const [event, listener] of this.#listeners) this.#plugin?.off(event, listener);
    this.#listeners.length = 0;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#options.live) {
      if (options.erase) this.#erase();
      else this.#draw();
      this.#options.stream.write('\u001b[?25h');
    }
  }

  /** Print a message above the live block (or as a plain line). */
  note(message: string): void {
    if (this.#options.live) this.#erase();
    this.#options.stream.write(`${this.#prefix()}${message}\n`);
    if (this.#options.live) this.#draw();
  }

  #fresh(): CloudProgress {
    return {
      state: 'waiting',
      startedAt: Date.now(),
      processed: 0,
      created: 0,
      updated: 0,
      deleted: 0,
      throttledUntil: 0,
      throttleWaits: 0,
    };
  }

  #cloud(cloudId: string): CloudProgress {
    let cloud = this.#clouds.get(cloudId);
    if (!cloud) {
      cloud = this.#fresh();
      this.#clouds.set(cloudId, cloud);
    }
    return cloud;
  }

  #started(payload: { cloudId: string }): void {
    const cloud = this.#cloud(payload.cloudId);
    Object.assign(cloud, this.#fresh(), { state: 'running', startedAt: Date.now() });
    if (!this.#options.live) this.#line(`${payload.cloudId}: sync started`);
  }

  #progress(payload: {
    cloudId: string;
    processed?: number;
    service?: string;
    region?: string;
  }): void {
    const cloud = this.#cloud(payload.cloudId);
    if (typeof payload.processed === 'number') cloud.processed = payload.processed;
    if (payload.service) cloud.service = payload.service;
    if (payload.region) cloud.region = payload.region;
  }

  #rateLimit(payload: {
    cloudId: string;
    waitMs?: number;
    service?: string;
    region?: string;
    remaining?: number;
  }): void {
    const cloud = this.#cloud(payload.cloudId);
    const scope = [payload.service, payload.region].filter(Boolean).join(' ');
    if (typeof payload.waitMs === 'number' && payload.waitMs > 0) {
      cloud.throttledUntil = Date.now() + payload.waitMs;
      cloud.throttleWaits += 1;
      if (scope) cloud.throttleScope = scope;
      if (!this.#options.live)
        this.#line(
          `${payload.cloudId}: throttled${scope ? ` by ${scope}` : ''}, waiting ${formatDuration(payload.waitMs)}`,
        );
    }
  }

  #finished(summary: SyncSummary): void {
    const cloud = this.#cloud(summary.cloudId);
    cloud.state = 'done';
    cloud.summary = summary;
    cloud.processed = summary.processed;
    if (!this.#options.live) this.#line(this.#doneText(summary.cloudId, cloud, false));
  }

  #prefix(): string {
    return this.#options.timestamps ? `${new Date().toISOString()} ` : '';
  }

  #line(text: string): void {
    if (this.#options.quiet) return;
    this.#options.stream.write(`${this.#prefix()}${text}\n`);
  }

  #doneText(cloudId: string, cloud: CloudProgress, styled: boolean): string {
    const { palette } = this.#options;
    const summary = cloud.summary as SyncSummary;
    const colour = !styled
      ? (text: string) => text
      : summary.status === 'succeeded'
        ? palette.green
        : summary.status === 'failed'
          ? palette.red
          : palette.yellow;
    const mark = styled
      ? colour(summary.status === 'succeeded' ? '✓' : summary.status === 'failed' ? '✗' : '!')
      : '';
    const counts = `+${summary.created} ~${summary.updated} -${summary.deleted}${summary.restored ? ` ↺${summary.restored}` : ''}`;
    // The reason itself is printed once, under the final table (a wrong token is one message).
    const reason =
      summary.status === 'succeeded'
        ? ''
        : ` (${summary.reason ? 'why: below the table' : failedScopesText(summary)})`;
    const head = styled ? `${mark} ${cloudId}` : `${cloudId}:`;
    return `${head} ${colour(summary.status)}, ${formatQuantity(summary.processed, 'resource')} in ${formatDuration(summary.durationMs)} ${counts}${reason}`;
  }

  #erase(): void {
    if (this.#drawnLines === 0) return;
    this.#options.stream.write(`\u001b[${this.#drawnLines}A\u001b[0J`);
    this.#drawnLines = 0;
  }

  #draw(): void {
    const { palette } = this.#options;
    this.#frame += 1;
    const now = Date.now();
    const width = Math.max(...[...this.#clouds.keys()].map((id) => id.length), 8);
    const lines: string[] = [];
    for (const [cloudId, cloud] of this.#clouds) {
      const name = cloudId.padEnd(width);
      if (cloud.state === 'waiting') {
        lines.push(palette.dim(`  · ${name}  waiting`));
        continue;
      }
      if (cloud.state === 'done') {
        lines.push(`  ${this.#doneText(name, cloud, true)}`);
        continue;
      }
      const seconds = Math.max((now - cloud.startedAt) / 1000, 0.001);
      // Drivers report progress per scope; stored changes arrive one by one, so the larger count is shown.
      const processed = Math.max(cloud.processed, cloud.created + cloud.updated);
      const rate = Math.round(processed / seconds);
      const throttled = cloud.throttledUntil > now;
      const mark = throttled
        ? palette.yellow('⏸')
        : palette.cyan(spinner[this.#frame % spinner.length] as string);
      const scope = [cloud.service, cloud.region].filter(Boolean).join(' ');
      const detail = throttled
        ? palette.yellow(
            `throttled${cloud.throttleScope ? ` by ${cloud.throttleScope}` : ''}, waiting ${formatDuration(cloud.throttledUntil - now)}`,
          )
        : palette.dim(scope ? `listing ${scope}` : 'listing');
      const waits =
        cloud.throttleWaits > 0 && !throttled
          ? palette.dim(`  ${cloud.throttleWaits} throttle waits`)
          : '';
      lines.push(
        `  ${mark} ${name}  ${formatCount(processed).padStart(7)} resources  ${`${formatCount(rate)}/s`.padStart(8)}  ${formatDuration(now - cloud.startedAt).padStart(7)}  ${detail}${waits}`,
      );
    }
    // A wrapped line would break the cursor-up redraw, so lines are cut to the terminal width.
    const columns = (this.#options.stream as { columns?: number }).columns || 120;
    const fitted = lines.map((line) => {
      const plain = stripAnsi(line);
      return plain.length < columns ? line : `${plain.slice(0, Math.max(10, columns - 2))}…`;
    });
    this.#erase();
    this.#options.stream.write(`${fitted.join('\n')}\n`);
    this.#drawnLines = lines.length;
  }
}

function failedScopesText(summary: SyncSummary): string {
  const failed = summary.scopes.filter((scope) => scope.status === 'failed');
  if (failed.length > 0)
    return `${failed.length} failed scope${failed.length === 1 ? '' : 's'}: ${failed
      .slice(0, 3)
      .map((scope) => `${scope.service}/${scope.region}`)
      .join(', ')}${failed.length > 3 ? ', …' : ''}`;
  if (summary.rejected > 0)
    return `${summary.rejected} rejected resource${summary.rejected === 1 ? '' : 's'}`;
  return 'see `cloud-inventory status`';
}
