import { StorageError } from '../errors/storage-error.ts';
import type { ObjectStore } from './object-store.ts';
import { internalPrefix } from './object-store.ts';

/** One line of a cloud's change log: enough to answer time queries without reading versions. */
export interface ChangeLogEntry {
  snapshotId: string;
  kind: 'created' | 'updated' | 'deleted' | 'restored';
  version: number;
  sequence: number;
  detectedAt: string;
  resourceType: string;
  resourceId: string;
  service: string;
  region: string;
  name: string | null;
  runId: string;
}

/** One change-log line as stored: snapshotId, kind, version, sequence, detectedAt, type, id, service, region, name, runId. */
export type StoredLine = [
  string,
  string,
  number,
  number,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string,
];

/** Prefix of a cloud's change-log segments; keys sort by run id, that is by time. */
export function changeLogPrefix(cloudId: string): string {
  return `${internalPrefix}/changelog/${encodeURIComponent(cloudId)}/`;
}

// About 2 MB of JSON per segment.
const segmentLines = 10_000;

/** Buffers a run's changes and writes them as numbered segments (one PUT per flush with changes). */
export class ChangeLogWriter {
  readonly #store: ObjectStore;
  readonly #cloudId: string;
  readonly #runId: string;
  #buffer: ChangeLogEntry[] = [];
  #segment = 0;
  // Lines of earlier runs that never reached their change log, by the run that made the change.
  readonly #recovered = new Map<string, ChangeLogEntry[]>();
  #recoveredSegment = 0;
  #writing: Promise<void> = Promise.resolve();

  constructor(store: ObjectStore, cloudId: string, runId: string) {
    this.#store = store;
    this.#cloudId = cloudId;
    this.#runId = runId;
  }

  /** Add a change. */
  add(entry: ChangeLogEntry): void {
    this.#buffer.push(entry);
  }

  /**
   * Add a change an earlier run stored in the records but not in its change log. It is written in
   * a segment named after that run (`<runId>-recovered-...`), so time queries that pick segments
   * by run time still find it; a line logged twice is read once (see `readChangeLog`).
   */
  addRecovered(entry: ChangeLogEntry): void {
    const lines = this.#recovered.get(entry.runId) ?? [];
    lines.push(entry);
    this.#recovered.set(entry.runId, lines);
  }

  /** True when nothing is waiting to be written. */
  get empty(): boolean {
    return this.#buffer.length === 0 && this.#recovered.size === 0;
  }

  /** True when a whole segment is waiting (`flushFullSegments` writes it). */
  get hasFullSegment(): boolean {
    return this.#buffer.length >= segmentLines;
  }

  /**
   * Write the buffered changes as segments of at most `segmentLines` lines: a first sync of 10^5
   * resources buffers tens of thousands of changes, and one object of ~20 MB is more than some
   * S3-compatible servers accept in a PUT (fauxqs: 11 MiB) and more than a reader wants to hold.
   */
  flush(): Promise<void> {
    return this.#serialized(async () => {
      await this.#writeRecovered();
      await this.#writeSegments(1);
    });
  }

  /**
   * Write only whole segments, leaving the rest buffered. NOTE: a first sync flushes its index at
   * doubling sizes, and between two flushes it buffered as many lines as the index held (10^6
   * resources: ~500,000 lines, ~150 MB); a line is logged only after its snapshot was stored, so
   * writing it earlier than the index is the order a crash already tolerates.
   */
  flushFullSegments(): Promise<void> {
    return this.#serialized(() => this.#writeSegments(segmentLines));
  }

  // Two flushes at once would write the same lines twice and then drop as many unwritten ones.
  #serialized(task: () => Promise<void>): Promise<void> {
    const run = this.#writing.then(task);
    this.#writing = run.catch(() => {});
    return run;
  }

  async #writeRecovered(): Promise<void> {
    for (const [runId, lines] of [...this.#recovered]) {
      for (let start = 0; start < lines.length; start += segmentLines) {
        this.#recoveredSegment += 1;
        const key = `${changeLogPrefix(this.#cloudId)}${runId}-recovered-${this.#runId}-${String(this.#recoveredSegment).padStart(5, '0')}.json`;
        const part = lines.slice(start, start + segmentLines).map(encodeLine);
        await this.#store.putJson(key, { format: 1, lines: part });
      }
      this.#recovered.delete(runId);
    }
  }

  // Segments of `segmentLines` lines while at least `minimumLines` are buffered.
  async #writeSegments(minimumLines: number): Promise<void> {
    while (this.#buffer.length >= minimumLines && this.#buffer.length > 0) {
      const lines = this.#buffer.slice(0, segmentLines);
      this.#segment += 1;
      const key = `${changeLogPrefix(this.#cloudId)}${this.#runId}-${String(this.#segment).padStart(5, '0')}.json`;
      await this.#store.putJson(key, { format: 1, lines: lines.map(encodeLine) });
      this.#buffer = this.#buffer.slice(lines.length);
    }
  }
}

/** Read change-log segments of a cloud whose run started at or before `until` (ISO). */
export async function readChangeLog(
  store: ObjectStore,
  cloudId: string,
  options: { since?: string; until?: string } = {},
): Promise<ChangeLogEntry[]> {
  const prefix = changeLogPrefix(cloudId);
  const keys = (await store.list(prefix)).map((key) => key.slice(key.indexOf(prefix))).sort();
  const untilStamp = options.until ? compactStamp(options.until) : undefined;
  const selected = keys.filter((key) =>
    untilStamp ? key.slice(prefix.length, prefix.length + untilStamp.length) <= untilStamp : true,
  );
  const output: ChangeLogEntry[] = [];
  // A change can be logged twice (a run's segment written, its index not; the next run re-logs
  // it from the records): the first line of each change counts.
  const logged = new Set<string>();
  for (const key of selected) {
    const segment = await store.getJson<{ lines: StoredLine[] }>(key);
    if (segment && !Array.isArray(segment.value?.lines)) {
      throw new StorageError({ operation: 'read change-log segment (unreadable)', key, cloudId });
    }
    for (const line of segment?.value.lines ?? []) {
      const entry = decodeLine(line);
      const identity = `${entry.snapshotId}|${entry.kind}|${entry.sequence}|${entry.version}`;
      if (logged.has(identity)) continue;
      logged.add(identity);
      if (options.since && entry.detectedAt < options.since) continue;
      if (options.until && entry.detectedAt > options.until) continue;
      output.push(entry);
    }
  }
  output.sort((left, right) =>
    left.detectedAt === right.detectedAt
      ? left.sequence - right.sequence
      : left.detectedAt < right.detectedAt
        ? -1
        : 1,
  );
  return output;
}

// Run ids start with the compact ISO stamp `20261126T130501123Z`.
function compactStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace('.', '');
}

function encodeLine(entry: ChangeLogEntry): StoredLine {
  return [
    entry.snapshotId,
    entry.kind,
    entry.version,
    entry.sequence,
    entry.detectedAt,
    entry.resourceType,
    entry.resourceId,
    entry.service,
    entry.region,
    entry.name,
    entry.runId,
  ];
}

function decodeLine(line: StoredLine): ChangeLogEntry {
  return {
    snapshotId: line[0],
    kind: line[1] as ChangeLogEntry['kind'],
    version: line[2],
    sequence: line[3],
    detectedAt: line[4],
    resourceType: line[5],
    resourceId: line[6],
    service: line[7],
    region: line[8],
    name: line[9],
    runId: line[10],
  };
}
