import {
  type BaseCloudDriver,
  type CloudResource,
  canonicalJson,
  compilePatterns,
  type JsonValue,
  type ListOptions,
  normalizeJson,
  type ProgressReport,
  type RuntimeContext,
  removeAtPatterns,
  type ScopeReport,
  transformAtPatterns,
} from '@cloud-inventory/core';

/** A RuntimeContext that records every call, like the engine would receive them. */
export interface RecordingRuntime extends RuntimeContext {
  scopes: ScopeReport[];
  states: unknown[];
  progress: ProgressReport[];
}

export function createRecordingRuntime(state: unknown = null): RecordingRuntime {
  const scopes: ScopeReport[] = [];
  const states: unknown[] = [];
  const progress: ProgressReport[] = [];
  return {
    checkpoint: null,
    state,
    scopes,
    states,
    progress,
    emitCheckpoint() {},
    emitRateLimit() {},
    emitState(value) {
      states.push(value);
    },
    emitProgress(value) {
      progress.push(value);
    },
    reportScope(scope) {
      scopes.push(scope);
    },
  };
}

export interface CollectOptions {
  state?: unknown;
  include?: string[];
  exclude?: string[];
  signal?: AbortSignal;
}

export interface Collected {
  resources: CloudResource[];
  runtime: RecordingRuntime;
}

function listOptions(runtime: RuntimeContext, options: CollectOptions): ListOptions {
  return {
    runtime,
    concurrency: 1,
    dryRun: false,
    signal: options.signal ?? new AbortController().signal,
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  };
}

/** Lists everything a driver yields with a recording runtime. */
export async function collect(
  driver: BaseCloudDriver<any, any>,
  options: CollectOptions = {},
): Promise<Collected> {
  const runtime = createRecordingRuntime(options.state ?? null);
  const resources: CloudResource[] = [];
  const listed = await driver.listResources(listOptions(runtime, options));
  for await (const resource of listed as AsyncIterable<CloudResource>) resources.push(resource);
  return { resources, runtime };
}

/** Runs `runs` syncs in a row, handing each run the state the previous one emitted (as the engine does). */
export async function collectRuns(
  driver: BaseCloudDriver<any, any>,
  runs: number,
): Promise<Collected[]> {
  const results: Collected[] = [];
  let state: unknown = null;
  for (let run = 0; run < runs; run += 1) {
    const result = await collect(driver, { state });
    results.push(result);
    state = result.runtime.states.at(-1) ?? state;
  }
  return results;
}

/** `resourceType|resourceId`, the identity the engine keys snapshots by. */
export function keyOf(resource: CloudResource): string {
  return `${resource.resourceType}|${resource.resourceId}`;
}

export function byKey(resources: readonly CloudResource[]): Map<string, CloudResource> {
  return new Map(resources.map((resource) => [keyOf(resource), resource]));
}

/** Canonical JSON of a configuration without the given paths (what the engine digests). */
export function digestView(configuration: unknown, ignoredPaths: readonly string[]): string {
  const json = normalizeJson(configuration);
  return canonicalJson(
    ignoredPaths.length > 0 ? removeAtPatterns(json, compilePatterns(ignoredPaths)) : json,
  );
}

/** Every value matched by a path pattern. */
export function valuesAt(configuration: unknown, path: string): JsonValue[] {
  const found: JsonValue[] = [];
  transformAtPatterns(normalizeJson(configuration), compilePatterns([path]), (matched) => {
    found.push(matched);
    return matched;
  });
  return found;
}
