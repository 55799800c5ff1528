import { isDeepStrictEqual } from 'node:util';
import {
  applyDiff,
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  canonicalJson,
  diffJson,
  digestJson,
  type JsonValue,
  type ListOptions,
  normalizeJson,
} from '@cloud-inventory/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkInvariants } from '../support/invariants.ts';
import {
  connectDatabase,
  createTempStore,
  testRedactionKey,
} from '../support/inventory-database.ts';
import { type LocalS3Server, startS3Server } from '../support/s3-server.ts';

// Keys that break naive code: prototype names, path syntax, quotes, empty, identity keys.
const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'a.b',
      '[0]',
      'x"y]',
      '',
      'id',
      'Id',
      'name',
      'Key',
      '@order=id',
      'a[id="1"]',
    ),
  },
);
const hostileNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    -0,
    0,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    1e308,
    -1e-308,
    5e-324,
    2 ** 53 + 2,
    0.1 + 0.2,
  ),
  fc.integer(),
);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '\u0000', '\ud800', 'é', 'é', '🚀', '"]['),
);
const { json: hostileJson } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie('json'), { maxKeys: 5 }),
    // Arrays of objects with identities exercise the id-keyed diff.
    fc.uniqueArray(
      fc.record({
        id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 5 })),
        value: tie('json'),
      }),
      { selector: (item) => JSON.stringify(item.id), maxLength: 4 },
    ),
  ),
}));

/** A deep copy with every object's keys in reverse insertion order. */
function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value && typeof value === 'object') {
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse())
      Object.defineProperty(output, key, {
        value: reorderKeys((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return output;
  }
  return value;
}

describe('canonical JSON, digests and diffs under arbitrary input (fast-check)', () => {
  const runs = { numRuns: 300, seed: 424242 };

  test('key order is irrelevant; own keys such as __proto__ survive normalization', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const normalized = normalizeJson(value);
        expect(canonicalJson(normalizeJson(reorderKeys(value)))).toBe(canonicalJson(normalized));
        expect(digestJson(normalizeJson(reorderKeys(value)))).toBe(digestJson(normalized));
        // Nothing is lost: the canonical text parses back to the same document.
        expect(
          isDeepStrictEqual(
            JSON.parse(canonicalJson(normalized)),
            JSON.parse(JSON.stringify(normalized)),
          ),
        ).toBe(true);
        if (value && typeof value === 'object' && !Array.isArray(value))
          expect(Object.keys(JSON.parse(canonicalJson(normalized))).sort()).toEqual(
            Object.keys(value).sort(),
          );
      }),
      runs,
    );
  });

  test('canonical text is injective: equal text if and only if equal documents', () => {
    fc.assert(
      fc.property(hostileJson, hostileJson, (left, right) => {
        const a = normalizeJson(left);
        const b = normalizeJson(right);
        const sameDocument = isDeepStrictEqual(
          JSON.parse(canonicalJson(a)),
          JSON.parse(canonicalJson(b)),
        );
        expect(canonicalJson(a) === canonicalJson(b)).toBe(sameDocument);
      }),
      runs,
    );
  });

  test('numbers: -0 is 0, non-finite is null, the JSON round trip keeps every digest', () => {
    expect(digestJson(normalizeJson({ a: -0 }))).toBe(digestJson(normalizeJson({ a: 0 })));
    expect(normalizeJson({ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: 10n ** 30n })).toEqual({
      a: null,
      b: null,
      c: '1000000000000000000000000000000',
    });
    fc.assert(
      fc.property(hostileJson, (value) => {
        const normalized = normalizeJson(value);
        expect(digestJson(normalizeJson(JSON.parse(JSON.stringify(normalized))))).toBe(
          digestJson(normalized),
        );
      }),
      runs,
    );
  });

  test('applyDiff(old, diffJson(old, new)) equals new for arbitrary documents', () => {
    fc.assert(
      fc.property(hostileJson, hostileJson, (before, after) => {
        const older = normalizeJson(before);
        const newer = normalizeJson(after);
        const diff = diffJson(older, newer, { maximumEntries: Number.MAX_SAFE_INTEGER });
        expect(canonicalJson(applyDiff(older, diff))).toBe(canonicalJson(newer));
        // The diff of a document with itself is empty.
        expect(diffJson(older, older)).toEqual({ added: {}, removed: {}, updated: {} });
      }),
      runs,
    );
  });

  test('small edits of one document give diffs that apply', () => {
    const edit = fc.tuple(
      hostileJson,
      fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(edit, ([base, changes]) => {
        const older = normalizeJson({
          root: base,
          list: [
            { id: 'a', v: 1 },
            { id: 'b', v: 2 },
          ],
        });
        const newer = structuredClone(older) as Record<string, any>;
        for (const [key, value] of changes)
          Object.defineProperty(newer, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        newer.list = [
          { id: 'b', v: 3 },
          { id: 'c', v: 4 },
        ];
        const normalizedNewer = normalizeJson(newer);
        expect(
          canonicalJson(
            applyDiff(older, diffJson(older, normalizedNewer, { maximumEntries: 1e9 })),
          ),
        ).toBe(canonicalJson(normalizedNewer));
      }),
      runs,
    );
  });
});

/** A driver that yields whatever the test put in `items` (functions are called at yield time). */
class HostileDriver extends BaseCloudDriver {
  static items: unknown[] = [];
  static throwAfter: Error | undefined;
  async *listResources(_options: ListOptions): AsyncGenerator<CloudResource> {
    for (const item of HostileDriver.items)
      yield (typeof item === 'function' ? item() : item) as CloudResource;
    if (HostileDriver.throwAfter) throw HostileDriver.throwAfter;
  }
}

const good = (id: string, extra: Partial<CloudResource> = {}): CloudResource => ({
  provider: 'aws',
  region: 'us-east-1',
  service: 'ec2',
  resourceType: 'aws.ec2.instance',
  resourceId: id,
  name: id,
  tags: { env: 'test' },
  configuration: { id, size: 't3.micro' },
  ...extra,
});

describe('malformed driver output through a real sync (file:// store)', () => {
  const store = createTempStore('hostile');
  let database: any;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let counter = 0;

  const sync = async (items: unknown[], options: { throwAfter?: Error } = {}) => {
    counter += 1;
    const cloudId = `hostile-${counter}`;
    HostileDriver.items = items;
    HostileDriver.throwAfter = options.throwAfter;
    const plugin = new CloudInventoryPlugin({
      clouds: [{ id: cloudId, driver: HostileDriver }],
      discovery: { runOnInstall: false },
      redactionKey: testRedactionKey,
    });
    await plugin.install(database);
    const summary = await plugin.syncCloud(cloudId);
    const [run] = await plugin.listRuns(cloudId);
    return { plugin, cloudId, summary, run: run as any };
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    database = await connectDatabase(store.connectionString);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await database?.disconnect().catch(() => {});
    store.remove();
    expect(unhandled).toEqual([]);
  });

  test('missing, empty and duplicate ids and non-objects are rejected by name; the good ones in the run are stored', async () => {
    const { plugin, cloudId, summary, run } = await sync([
      good('i-good-1'),
      { resourceType: 'aws.ec2.instance', configuration: {} },
      good(''),
      good('   '),
      { resourceId: 'no-type' },
      good('i-good-2'),
      good('i-good-1', { configuration: { changed: true } }),
      null,
      'a string',
      [good('in-an-array')],
      good('i-cyclic', {
        configuration: (() => {
          const node: any = { name: 'loop' };
          node.self = { parent: node };
          return node;
        })(),
      }),
      good('i-good-3'),
    ]);
    expect(summary).toMatchObject({ status: 'partial', created: 3, rejected: 9, processed: 12 });
    expect(run.status).toBe('partial');
    expect(run.counts).toMatchObject({ created: 3, rejected: 9 });
    const messages: string[] = run.errors['invalid-resource'].messages;
    expect(messages).toHaveLength(9);
    expect(run.rejected.map((item: any) => item.field)).toEqual(
      expect.arrayContaining(['resourceId', 'resourceType', 'resource']),
    );
    expect(messages.some((message) => /i-good-1.*twice/.test(message))).toBe(true);
    expect(
      messages.some(
        (message) =>
          /i-cyclic/.test(message) &&
          /cyclic/.test(message) &&
          /configuration\.self\.parent/.test(message),
      ),
    ).toBe(true);
    expect(messages.some((message) => /no-type/.test(message))).toBe(true);
    expect(
      messages.filter((message) => /resource has (an empty|no) resourceId/.test(message)),
    ).toHaveLength(3);
    // The first copy of a duplicate is kept.
    expect(
      (
        await plugin.getVersion(
          { cloudId, resourceType: 'aws.ec2.instance', resourceId: 'i-good-1' },
          1,
        )
      )?.configuration,
    ).toEqual({ id: 'i-good-1', size: 't3.micro' });
    expect((await checkInvariants(plugin, cloudId)).violations).toEqual([]);
  });

  test('ids with ":", "/", spaces, escapes and unicode are stored and found again by their own id', async () => {
    const ids = [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc',
      'zone/example.com/record/www',
      'name with  inner  spaces',
      'ünïcødé-名前-🚀',
      '~2F already escaped %2F = \\ back',
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.Compute/virtualMachines/vm-01',
      '__proto__',
      'constructor',
      'null',
    ];
    const { plugin, cloudId, summary } = await sync(ids.map((id) => good(id)));
    expect(summary).toMatchObject({ status: 'succeeded', created: ids.length, rejected: 0 });
    for (const id of ids) {
      const resource = await plugin.getResource({
        cloudId,
        resourceType: 'aws.ec2.instance',
        resourceId: id,
      });
      expect(resource?.resourceId, id).toBe(id);
      expect(
        (await plugin.getHistory({ cloudId, resourceType: 'aws.ec2.instance', resourceId: id }))
          ?.versions,
      ).toHaveLength(1);
    }
    const listed = await plugin.listResources({ cloudId }, { limit: 100 });
    expect(listed.items.map((item) => item.resourceId).sort()).toEqual([...ids].sort());
  });

  test('BigInt, Date, Buffer, undefined, functions, Map and Set are stored as JSON; tag values become text', async () => {
    const configuration = {
      big: 2n ** 70n,
      when: new Date('2026-01-02T03:04:05.000Z'),
      bytes: Buffer.from('hello'),
      missing: undefined,
      method() {},
      map: new Map([['a', 1]]),
      set: new Set(['x', 'y']),
      nested: { deeper: [undefined, 1, () => 2] },
    };
    const tags = {
      count: 5,
      enabled: true,
      nested: { a: 1 },
      nothing: null,
      __proto__: 'tag-named-proto',
    } as Record<string, unknown>;
    Object.defineProperty(tags, '__proto__', { value: 'tag-named-proto', enumerable: true });
    const { plugin, cloudId, summary } = await sync([good('i-types', { configuration, tags })]);
    expect(summary).toMatchObject({ status: 'succeeded', created: 1 });
    const version = await plugin.getVersion(
      { cloudId, resourceType: 'aws.ec2.instance', resourceId: 'i-types' },
      1,
    );
    expect(version?.configuration).toEqual({
      big: '1180591620717411303424',
      when: '2026-01-02T03:04:05.000Z',
      bytes: 'aGVsbG8=',
      map: { a: 1 },
      set: ['x', 'y'],
      nested: { deeper: [null, 1, null] },
    });
    const snapshot = await plugin.getResource({
      cloudId,
      resourceType: 'aws.ec2.instance',
      resourceId: 'i-types',
    });
    // NOTE: s3db.js's JSON fields drop an own `__proto__` key on the way to storage (core keeps it).
    expect(snapshot?.tags).toMatchObject({
      count: '5',
      enabled: 'true',
      nested: '{"a":1}',
      nothing: null,
    });
    expect(Object.getPrototypeOf(snapshot?.tags)).toBe(Object.prototype);
  });

  test('a 5 MB configuration and 10,000 tags are stored; a 9 MB one is rejected by name', async () => {
    const big = { blob: 'x'.repeat(5 * 1024 * 1024) };
    const manyTags = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, index) => [`tag-${index}`, `value-${index}`]),
    );
    const { plugin, cloudId, summary, run } = await sync([
      good('i-big', { configuration: big }),
      good('i-tags', { tags: manyTags }),
      good('i-huge', { configuration: { blob: 'y'.repeat(9 * 1024 * 1024) } }),
    ]);
    expect(summary).toMatchObject({ status: 'partial', created: 2, rejected: 1 });
    expect(run.errors['invalid-resource'].messages[0]).toMatch(/i-huge.*MB/);
    const bigVersion = await plugin.getVersion(
      { cloudId, resourceType: 'aws.ec2.instance', resourceId: 'i-big' },
      1,
    );
    expect((bigVersion!.configuration as any).blob).toHaveLength(5 * 1024 * 1024);
    expect(
      Object.keys(
        (
          await plugin.getResource({
            cloudId,
            resourceType: 'aws.ec2.instance',
            resourceId: 'i-tags',
          })
        )?.tags as object,
      ),
    ).toHaveLength(10_000);
  }, 60_000);

  test('a driver that throws mid-stream: what it listed before is stored, nothing is deleted, the error is recorded', async () => {
    const first = await sync([good('i-1'), good('i-2'), good('i-3')]);
    expect(first.summary.status).toBe('succeeded');
    HostileDriver.items = [good('i-1'), good('i-4')];
    HostileDriver.throwAfter = new Error('API exploded after page 1');
    const summary = await first.plugin.syncCloud(first.cloudId);
    expect(summary).toMatchObject({ status: 'partial', created: 1, deleted: 0 });
    expect(summary.reason).toMatch(/API exploded after page 1/);
    const [run] = (await first.plugin.listRuns(first.cloudId)) as any[];
    expect(run.status).toBe('partial');
    expect(JSON.stringify(run.errors)).toMatch(/API exploded/);
    expect((await first.plugin.listResources({ cloudId: first.cloudId })).items).toHaveLength(4);
  });

  test('a driver that never ends: plugin.stop({ abort: true }) ends the sync; the signal reaches the driver', async () => {
    let signalSeen: AbortSignal | undefined;
    class PoliteEndless extends BaseCloudDriver {
      async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
        signalSeen = options.signal;
        yield good('i-before-hang');
        await new Promise<void>((resolve) =>
          options.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
    }
    class DeafEndless extends BaseCloudDriver {
      async *listResources(): AsyncGenerator<CloudResource> {
        yield good('i-before-hang');
        await new Promise<void>(() => {});
      }
    }
    for (const driver of [PoliteEndless, DeafEndless]) {
      counter += 1;
      const plugin = new CloudInventoryPlugin({
        clouds: [{ id: `endless-${counter}`, driver }],
        discovery: { runOnInstall: false },
        redactionKey: testRedactionKey,
      });
      await plugin.install(database);
      const running = plugin.syncCloud(`endless-${counter}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stopped = Date.now();
      await plugin.stop({ abort: true });
      expect(Date.now() - stopped, driver.name).toBeLessThan(5000);
      const summary = await running;
      expect(summary.status, driver.name).toBe('failed');
      expect(summary.reason, driver.name).toMatch(/cancel/);
    }
    expect(signalSeen?.aborted).toBe(true);
  });
});

describe('bad configuration and bad connection strings', () => {
  let server: LocalS3Server;
  beforeAll(async () => {
    server = await startS3Server('bad-config');
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('a bad configuration is one ConfigurationError naming every problem, and nothing is written', async () => {
    const database = await connectDatabase(server.connectionString());
    const before = (await server.readAllObjects()).map((object) => object.key).sort();
    const attempts: unknown[] = [
      { clouds: 'aws' },
      {
        clouds: [{ driver: HostileDriver }],
        lock: { ttl: -1, timeout: 'soon' },
        discovery: { concurrency: 0 },
      },
      { clouds: [{ driver: 'no-such-driver-anywhere' }] },
      { clouds: [{ driver: HostileDriver, scheduled: { enabled: true } }] },
    ];
    for (const options of attempts) {
      let error: any;
      try {
        const plugin = new CloudInventoryPlugin(options as never);
        await plugin.install(database);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(Error);
      expect(['ConfigurationError', 'NoSuchDriverError']).toContain(error.name);
    }
    const multi = (() => {
      try {
        new CloudInventoryPlugin(attempts[1] as never);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(multi?.message).toMatch(/lock\.ttl/);
    expect(multi?.message).toMatch(/lock\.timeout/);
    expect(multi?.message).toMatch(/discovery\.concurrency/);
    expect((await server.readAllObjects()).map((object) => object.key).sort()).toEqual(before);
    await database.disconnect();
  });

  test('bad connection strings fail with one clear error and create nothing', async () => {
    const before = (await server.readAllObjects()).map((object) => object.key).sort();
    const cases = [
      'not a url at all',
      server.connectionString({ bucket: 'no-such-bucket' }),
      'http://KEY:SECRET@127.0.0.1:1/inventory',
    ];
    for (const connectionString of cases) {
      const error = await connectDatabase(connectionString).then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error, connectionString).toBeInstanceOf(Error);
      expect(error?.message.length, connectionString).toBeGreaterThan(10);
    }
    expect((await server.readAllObjects()).map((object) => object.key).sort()).toEqual(before);
  }, 60_000);
});
