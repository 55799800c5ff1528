import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  type DriverCatalog,
  type ListOptions,
} from '@cloud-inventory/core';
import { MockCloudDriver } from '@cloud-inventory/driver-mocks/driver';

/** The five scenarios, in the order a case runs them (each starts from the state the previous left). */
export const benchScenarios = [
  'initial',
  'unchanged',
  'unchanged-recorded',
  'changed-1pct',
  'changed-10pct',
  'deleted-5pct',
] as const;

/** One scenario name. */
export type BenchScenario = (typeof benchScenarios)[number];

/** Human labels for tables. */
export const scenarioLabels: Record<BenchScenario, string> = {
  initial: 'initial sync',
  unchanged: 'nothing changed',
  'unchanged-recorded': 'nothing changed, recorded listing',
  'changed-1pct': '1% changed',
  'changed-10pct': '10% changed',
  'deleted-5pct': '5% deleted',
};

/** What a scenario does to the listing compared with the state the previous scenario left. */
export interface ScenarioExpectation {
  /** Resources listed. */
  listed: number;
  /** Resources that appear for the first time. */
  created: number;
  /** Resources whose configuration differs from the stored one. */
  updated: number;
  /** Resources listed and identical to the stored one. */
  unchanged: number;
  /** Resources missing from a complete listing. */
  deleted: number;
}

/**
 * Which listing position a scenario edits or drops. Positions are the order in which the mock yields
 * the estate, a pure function of (provider, seed, size). The three sets are disjoint residues, and a
 * listing applies the edits of every scenario synced before it plus its own, so each scenario
 * changes exactly its share relative to the stored state whichever scenarios ran before it:
 * 1% (p % 100 == 50), 10% (p % 10 == 3), 5% removed (p % 20 == 7).
 */
const scenarioPositions: Partial<Record<BenchScenario, (position: number) => boolean>> = {
  'changed-1pct': (position) => position % 100 === 50,
  'changed-10pct': (position) => position % 10 === 3,
  'deleted-5pct': (position) => position % 20 === 7,
};

function countPositions(size: number, predicate: (position: number) => boolean): number {
  let count = 0;
  for (let position = 0; position < size; position += 1) if (predicate(position)) count += 1;
  return count;
}

/** Exact counts a scenario must produce on an estate of `size` (scenarios run in the canonical order). */
export function expectedScenario(scenario: BenchScenario, size: number): ScenarioExpectation {
  const selected = scenarioPositions[scenario];
  const affected = selected ? countPositions(size, selected) : 0;
  switch (scenario) {
    case 'initial':
      return { listed: size, created: size, updated: 0, unchanged: 0, deleted: 0 };
    case 'unchanged':
    case 'unchanged-recorded':
      return { listed: size, created: 0, updated: 0, unchanged: size, deleted: 0 };
    case 'changed-1pct':
    case 'changed-10pct':
      return {
        listed: size,
        created: 0,
        updated: affected,
        unchanged: size - affected,
        deleted: 0,
      };
    case 'deleted-5pct':
      return {
        listed: size - affected,
        created: 0,
        updated: 0,
        unchanged: size - affected,
        deleted: affected,
      };
  }
}

/** A scope report the listing made (the RuntimeContext's argument). */
type ScopeReport = Parameters<NonNullable<ListOptions['runtime']>['reportScope']>[0];

/** A listing as recorded: resources and scope reports in the order the mock made them. */
export type RecordedListing = Array<{ resource: CloudResource } | { scope: ScopeReport }>;

/** Options of a synthetic estate. */
export interface BenchEstateOptions {
  /** Mock driver to imitate (`aws-mock`, `gcp-mock`, ...). @default 'aws-mock' */
  provider?: string;
  /** Estate seed. @default 7 */
  seed?: number;
  /** Resources at the initial sync. */
  size: number;
}

/**
 * Holds the scenario the next listing should produce; the benchmark sets `scenario` before each sync.
 * Both engines read the same estate through it (ours through `BenchEstateDriver`, s3db.js's through
 * `referenceResources`).
 */
export class BenchEstate {
  readonly provider: string;
  readonly seed: number;
  readonly size: number;
  /** Scenario the next listing produces. */
  scenario: BenchScenario = 'initial';
  /** Scenarios whose listing the store holds, oldest first; `commit()` adds the current one. */
  readonly history: BenchScenario[] = [];
  /** Resources yielded by the listing in progress (progress of a run that hits its time limit). */
  yielded = 0;
  /** A listing recorded once by `record()`, replayed instead of the mock (profiles of the engine). */
  recorded: RecordedListing | undefined;

  constructor(options: BenchEstateOptions) {
    this.provider = options.provider ?? 'aws-mock';
    this.seed = options.seed ?? 7;
    this.size = options.size;
  }

  /** A fresh mock that lists the base estate (run 1, no drift, no deletions) on every call. */
  createMock(options: Partial<CloudDriverOptions<unknown, object>> = {}): MockCloudDriver {
    return new MockCloudDriver({
      ...options,
      config: {
        provider: this.provider,
        seed: this.seed,
        resourceCount: this.size,
        driftRate: 0,
        deleteRate: 0,
        run: 1,
      },
    });
  }

  /** Record that the store now holds the current scenario's listing. */
  commit(): void {
    this.history.push(this.scenario);
  }

  /** Apply the stored scenarios and the current one to the base estate, position by position. */
  async *apply(source: AsyncIterable<CloudResource>): AsyncGenerator<CloudResource> {
    const applied = [...this.history, this.scenario];
    const dropped = applied.includes('deleted-5pct')
      ? scenarioPositions['deleted-5pct']
      : undefined;
    const edits = (['changed-1pct', 'changed-10pct'] as const).filter((name) =>
      applied.includes(name),
    );
    this.yielded = 0;
    let position = 0;
    for await (const resource of source) {
      const current = position;
      position += 1;
      if (dropped?.(current)) continue;
      const revision = edits.filter((name) => scenarioPositions[name]?.(current)).join('+');
      this.yielded += 1;
      yield revision === '' ? resource : withRevision(resource, revision);
    }
  }

  /** List the current scenario once, scope reports included, and replay it from memory from now on. */
  async record(): Promise<void> {
    this.recorded = undefined;
    const mock = this.createMock();
    await mock.initialize();
    const events: RecordedListing = [];
    const runtime = { reportScope: (scope: ScopeReport) => events.push({ scope }) };
    const listed = mock.listResources({ runtime } as unknown as ListOptions);
    for await (const resource of this.apply(listed)) events.push({ resource });
    this.recorded = events;
  }

  /** The whole listing of the current scenario, converted to the shape s3db.js's plugin reads. */
  async referenceResources(): Promise<Record<string, unknown>[]> {
    const mock = this.createMock();
    await mock.initialize();
    const output: Record<string, unknown>[] = [];
    const listed = mock.listResources({} as ListOptions);
    for await (const resource of this.apply(listed)) output.push(toReferenceShape(resource));
    return output;
  }
}

// A changed resource gets one more configuration attribute: both engines digest the configuration.
function withRevision(resource: CloudResource, revision: string): CloudResource {
  const configuration = (resource.configuration ?? {}) as Record<string, unknown>;
  return { ...resource, configuration: { ...configuration, BenchRevision: revision } };
}

/** s3db.js refuses `/`, `\`, `=` and `%` in record ids, which its plugin builds from resourceId. */
export function referenceSafeId(value: string): string {
  return value.replace(
    /[\\/=%~]/g,
    (character) => `~${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A CloudResource as s3db.js's CloudInventoryPlugin expects it from a driver (`noop` samples). */
export function toReferenceShape(resource: CloudResource): Record<string, unknown> {
  return {
    provider: resource.provider,
    accountId: resource.accountId,
    region: resource.region,
    service: resource.service,
    resourceType: resource.resourceType,
    resourceId: referenceSafeId(String(resource.resourceId)),
    name: resource.name,
    tags: resource.tags,
    labels: resource.labels,
    configuration: resource.configuration,
    metadata: resource.metadata ?? {},
  };
}

/** A driver for our engine that lists the estate's current scenario (scopes pass through). */
export class BenchEstateDriver extends BaseCloudDriver<unknown, object> {
  readonly #estate: BenchEstate;
  readonly #mock: MockCloudDriver;

  constructor(options: CloudDriverOptions<unknown, object>, estate: BenchEstate) {
    super(options);
    this.#estate = estate;
    this.#mock = estate.createMock({ logger: options.logger });
  }

  override async initialize(): Promise<void> {
    await this.#mock.initialize();
  }

  /** The mock's catalog: volatile and secret paths per type. */
  override get catalog(): DriverCatalog {
    return this.#mock.catalog;
  }

  override get accountId(): string {
    return this.#mock.accountId;
  }

  /** The mock's listing with the scenario applied; scope reports reach the engine unchanged. */
  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    const recorded = this.#estate.recorded;
    if (!recorded) {
      yield* this.#estate.apply(this.#mock.listResources(options));
      return;
    }
    this.#estate.yielded = 0;
    for (const event of recorded) {
      if ('scope' in event) options.runtime?.reportScope?.(event.scope);
      else {
        this.#estate.yielded += 1;
        yield event.resource;
      }
    }
  }
}
