import type { ResolvedPluginOptions } from '../options/plugin-options.ts';

/** The s3db.js resources the plugin manages. */
export interface InventoryResources {
  snapshots: any;
  versions: any;
  changes: any;
  clouds: any;
  runs: any;
}

// NOTE: no partitions: s3db.js rewrites partition references on every update (O(N) per write).
const definitions = {
  snapshots: {
    // NOTE: not 'body-overflow': s3db.js 21.6.2 corrupts string attributes it keeps in metadata
    // when they equal an Object.prototype name or "null" (a resource named "constructor" read
    // back as "d:function Object() ..."). Reads fetch the body anyway, so this costs nothing.
    behavior: 'body-only',
    attributes: {
      cloudId: 'string',
      driver: 'string',
      resourceType: 'string',
      resourceId: 'string',
      accountId: 'string|optional',
      name: 'string|optional',
      region: 'string|optional',
      service: 'string|optional',
      tags: 'json|optional',
      labels: 'json|optional',
      cloudTags: 'json|optional',
      latestDigest: 'string',
      latestVersion: 'number',
      latestSnapshotId: 'string',
      sectionDigests: 'json|optional',
      firstSeenAt: 'string',
      lastSeenAt: 'string',
      changelogSize: 'number',
      status: 'string',
      deletedAt: 'string|optional',
      lastChangedAt: 'string|optional',
    },
  },
  versions: {
    behavior: 'body-only',
    attributes: {
      snapshotId: 'string',
      cloudId: 'string',
      driver: 'string',
      resourceType: 'string',
      resourceId: 'string',
      version: 'number',
      digest: 'string',
      sectionDigests: 'json|optional',
      capturedAt: 'string',
      runId: 'string',
      configuration: 'json|optional',
      summary: 'json|optional',
      raw: 'json|optional',
      metadata: 'json|optional',
    },
  },
  changes: {
    behavior: 'body-only',
    attributes: {
      snapshotId: 'string',
      cloudId: 'string',
      driver: 'string',
      resourceType: 'string',
      resourceId: 'string',
      kind: 'string',
      sequence: 'number',
      fromVersion: 'number|optional',
      toVersion: 'number|optional',
      fromDigest: 'string|optional',
      toDigest: 'string|optional',
      changedSections: 'json|optional',
      diff: 'json|optional',
      detectedAt: 'string',
      runId: 'string',
      name: 'string|optional',
      region: 'string|optional',
      service: 'string|optional',
      configuration: 'json|optional',
    },
  },
  clouds: {
    behavior: 'body-overflow',
    attributes: {
      driver: 'string',
      status: 'string',
      lastRunAt: 'string|optional',
      lastSuccessAt: 'string|optional',
      lastErrorAt: 'string|optional',
      lastRunId: 'string|optional',
      lastResult: 'json|optional',
      totalResources: 'number',
      totalVersions: 'number',
      checkpoint: 'json|optional',
      rateLimit: 'json|optional',
      state: 'json|optional',
      schedule: 'json|optional',
      tags: 'json|optional',
      metadata: 'json|optional',
      progress: 'json|optional',
      index: 'json|optional',
      coverage: 'json|optional',
      lastError: 'json|optional',
      lastRunStatus: 'string|optional',
      lastRunFinished: 'boolean|optional',
    },
  },
  runs: {
    behavior: 'body-only',
    attributes: {
      cloudId: 'string',
      driver: 'string',
      runId: 'string',
      status: 'string',
      startedAt: 'string',
      finishedAt: 'string|optional',
      durationMs: 'number|optional',
      counts: 'json|optional',
      scopes: 'json|optional',
      errors: 'json|optional',
      rejected: 'json|optional',
      worker: 'string|optional',
      dryRun: 'boolean|optional',
    },
  },
} as const;

/** Create (or reuse) the five resources with exactly the configured names. */
export async function ensureInventoryResources(
  database: any,
  names: ResolvedPluginOptions['resources'],
): Promise<InventoryResources> {
  const output: Partial<InventoryResources> = {};
  for (const key of Object.keys(definitions) as Array<keyof typeof definitions>) {
    const name = names[key];
    const existing = database.resources?.[name];
    output[key] =
      existing ??
      (await database.createResource({
        name,
        attributes: definitions[key].attributes,
        behavior: definitions[key].behavior,
        timestamps: false,
        asyncPartitions: false,
      }));
  }
  return output as InventoryResources;
}
