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
