import type {
  MockBuildContext,
  MockIdentity,
  MockIdentityContext,
} from './mock-provider-definition.ts';
import { finalizeHash, hashNumbers, hashString, hexFromHash, toUnit } from './mock-random.ts';

/** Every synthetic timestamp is relative to this instant, so output does not depend on the clock. */
export const mockEpochMs = Date.UTC(2025, 0, 1, 0, 0, 0);

const runIntervalMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const environments = ['prod', 'staging', 'dev'] as const;

/** Looks up another resource of the estate for references (security groups of an instance...). */
export type MockReferenceResolver = (
  type: string,
  region: string,
  unit: number,
) => MockIdentity | undefined;

const noReferences: MockReferenceResolver = () => undefined;

/** Identity helpers for one (seed, index, region). */
export class MockIdentityHelpers implements MockIdentityContext {
  readonly seed: number;
  readonly index: number;
  readonly region: string;
  readonly accountId: string;
  /** Resolver of references. */
  readonly resolve: MockReferenceResolver;

  constructor(
    seed: number,
    index: number,
    region: string,
    accountId: string,
    resolve: MockReferenceResolver = noReferences,
  ) {
    this.seed = seed;
    this.index = index;
    this.region = region;
    this.accountId = accountId;
    this.resolve = resolve;
  }

  reference(type: string, salt: string): MockIdentity | undefined {
    return this.resolve(type, this.region, this.random(`reference.${salt}`));
  }

  random(salt: string): number {
    return toUnit(hashNumbers(this.seed, this.index, hashString(salt)));
  }

  integer(min: number, max: number, salt: string): number {
    return min + Math.floor(this.random(salt) * (max - min + 1));
  }

  hex(length: number, salt: string): string {
    return hexFromHash(hashNumbers(this.seed, this.index, hashString(salt), 1), length);
  }

  uniqueHex(length: number): string {
    // NOTE: finalizeHash is a bijection on uint32, so the first 8 characters never collide.
    const unique = finalizeHash((this.index + finalizeHash(this.seed)) >>> 0)
      .toString(16)
      .padStart(8, '0');
    return length <= 8 ? unique.slice(0, length) : unique + this.hex(length - 8, 'unique-tail');
  }

  pick<Value>(values: readonly Value[], salt: string): Value {
    return values[Math.floor(this.random(salt) * values.length)]!;
  }

  label(prefixes: readonly string[]): string {
    return `${this.pick(prefixes, 'label.prefix')}-${this.pick(environments, 'label.environment')}-${String(this.index).padStart(4, '0')}`;
  }
}

/** Build helpers for one resource at one run. */
export class MockResourceContext extends MockIdentityHelpers implements MockBuildContext {
  readonly id: string;
  readonly name: string;
  readonly run: number;
  readonly provider: string;
  readonly #counters: readonly number[];

  constructor(options: {
    identity: MockIdentityHelpers;
    resolvedIdentity: MockIdentity;
    run: number;
    provider: string;
    driftCounters: readonly number[];
  }) {
    const { identity } = options;
    super(identity.seed, identity.index, identity.region, identity.accountId, identity.resolve);
    this.id = options.resolvedIdentity.id;
    this.name = options.resolvedIdentity.name;
    this.run = options.run;
    this.provider = options.provider;
    this.#counters = options.driftCounters;
  }

  drift(attribute: number): number {
    return this.#counters[attribute] ?? 0;
  }

  pickDrifting<Value>(values: readonly Value[], salt: string, attribute: number): Value {
    const base = Math.floor(this.random(salt) * values.length);
    return values[(base + this.drift(attribute)) % values.length]!;
  }

  volatileRandom(salt: string): number {
    return toUnit(hashNumbers(this.seed, this.index, hashString(salt), this.run + 0x10000));
  }

  volatileGauge(max: number, salt: string): number {
    // (start + run * stride) mod (max + 1) with 0 < stride <= max never repeats two runs in a row.
    const modulus = Math.max(2, Math.floor(max) + 1);
    const start = this.integer(0, modulus - 1, `${salt}.start`);
    const stride = this.integer(1, modulus - 1, `${salt}.stride`);
    return (start + this.run * stride) % modulus;
  }

  volatileTimestamp(salt: string): string {
    // Strictly increasing with the run: one hour per run plus up to 59 minutes of jitter.
    const jitter = Math.floor(this.volatileRandom(salt) * 59 * 60 * 1000);
    return new Date(mockEpochMs + this.run * runIntervalMs + jitter).toISOString();
  }

  pastTimestamp(maxDaysAgo: number, salt: string): string {
    const offset = Math.floor(this.random(salt) * maxDaysAgo * dayMs);
    return new Date(
      mockEpochMs - offset - 1000 * this.integer(0, 86_399, `${salt}.seconds`),
    ).toISOString();
  }
}
