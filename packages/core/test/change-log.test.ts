import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ChangeLogWriter, readChangeLog } from '../src/storage/change-log.ts';
import { createObjectStore } from '../src/storage/object-store.ts';
import { createTestDatabase } from './helpers.ts';

describe('change log', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.disconnect();
  });

  test('a large flush is split into segments of 10,000 lines, read back whole and in order', async () => {
    const store = createObjectStore(database.client);
    const writer = new ChangeLogWriter(store, 'aws-log', '20261126T150000000Z-run');
    for (let index = 0; index < 25_000; index += 1)
      writer.add({
        snapshotId: `aws-log:type:r-${index}`,
        kind: 'created',
        version: 1,
        sequence: 0,
        detectedAt: new Date(1_800_000_000_000 + index).toISOString(),
        resourceType: 'type',
        resourceId: `r-${index}`,
        service: 'ec2',
        region: 'us-east-1',
        name: null,
        runId: '20261126T150000000Z-run',
      });
    await writer.flush();
    const keys = await store.list('plugin=cloud-inventory/changelog/aws-log/');
    expect(keys).toHaveLength(3);
    const entries = await readChangeLog(store, 'aws-log');
    expect(entries).toHaveLength(25_000);
    expect(entries[24_999]?.resourceId).toBe('r-24999');
  });

  test('whole segments are written as they fill, the rest at the flush, each line once', async () => {
    const store = createObjectStore(database.client);
    const writer = new ChangeLogWriter(store, 'aws-eager', '20261126T150000000Z-run');
    const line = (index: number) => ({
      snapshotId: `aws-eager:type:r-${index}`,
      kind: 'created' as const,
      version: 1,
      sequence: 0,
      detectedAt: new Date(1_800_000_000_000 + index).toISOString(),
      resourceType: 'type',
      resourceId: `r-${index}`,
      service: 'ec2',
      region: 'us-east-1',
      name: null,
      runId: '20261126T150000000Z-run',
    });
    for (let index = 0; index < 9_999; index += 1) writer.add(line(index));
    expect(writer.hasFullSegment).toBe(false);
    writer.add(line(9_999));
    for (let index = 10_000; index < 12_000; index += 1) writer.add(line(index));
    expect(writer.hasFullSegment).toBe(true);
    // Started together, the two must neither write a line twice nor drop one.
    const eager = writer.flushFullSegments();
    for (let index = 12_000; index < 13_000; index += 1) writer.add(line(index));
    await Promise.all([eager, writer.flush()]);
    expect(writer.empty).toBe(true);
    const keys = await store.list('plugin=cloud-inventory/changelog/aws-eager/');
    expect(keys).toHaveLength(2);
    const segment = await store.getJson<{ lines: unknown[] }>(
      keys.map((key) => key.slice(key.indexOf('plugin='))).sort()[0] as string,
    );
    expect(segment?.value.lines).toHaveLength(10_000);
    const entries = await readChangeLog(store, 'aws-eager');
    expect(entries.map((entry) => entry.resourceId)).toEqual(
      Array.from({ length: 13_000 }, (_, index) => `r-${index}`),
    );
  });

  test('a write the server refuses is a StorageError naming the object', async () => {
    const store = createObjectStore({
      putObject: async () => {
        throw Object.assign(new Error('Payload Too Large'), { $metadata: { httpStatusCode: 413 } });
      },
    });
    await expect(store.putJson('plugin=cloud-inventory/x.json', {})).rejects.toMatchObject({
      name: 'StorageError',
      operation: 'write',
      key: 'plugin=cloud-inventory/x.json',
    });
  });
});
