import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 's3db.js/lite';
import { afterAll, describe, expect, test } from 'vitest';
import { leaveBodiesOutOfFileMetadata } from '../src/storage/file-storage-metadata.ts';
import { createObjectStore, isPreconditionFailed } from '../src/storage/object-store.ts';
import { createTestDatabase } from './helpers.ts';

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function fileDatabase(): Promise<{ database: any; directory: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'file-metadata-'));
  directories.push(directory);
  const database = new Database({
    connectionString: `file://${directory}`,
    logLevel: 'silent',
    exitOnSignal: false,
  } as never);
  await database.connect();
  return { database, directory };
}

async function metadataFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries.filter((name) => name.endsWith('.meta.json')).map((name) => join(directory, name));
}

describe('file:// objects written by the engine', () => {
  test('keep their body out of the metadata file and read back through s3db.js unchanged', async () => {
    const { database, directory } = await fileDatabase();
    const store = createObjectStore(database.client);
    const value = { format: 1, entries: Array.from({ length: 500 }, (_, index) => [`k-${index}`]) };
    const etag = await store.putJson('plugin=cloud-inventory/index/c/g1-shard-0.json', value);
    const body = JSON.stringify(value);

    const metadata = await Promise.all(
      (await metadataFiles(join(directory, 'plugin=cloud-inventory'))).map(async (file) =>
        JSON.parse(await readFile(file, 'utf8')),
      ),
    );
    expect(metadata).toHaveLength(1);
    expect(metadata[0]).not.toHaveProperty('body');
    expect(metadata[0].size).toBe(Buffer.byteLength(body));

    // Every way s3db.js reads an object still works: GET, HEAD, COPY (then GET of the copy).
    expect(await store.getJson('plugin=cloud-inventory/index/c/g1-shard-0.json')).toEqual({
      value,
      etag,
    });
    const head = await database.client.headObject('plugin=cloud-inventory/index/c/g1-shard-0.json');
    expect(head.ETag).toBe(etag);
    await database.client.copyObject({
      from: 'plugin=cloud-inventory/index/c/g1-shard-0.json',
      to: 'plugin=cloud-inventory/index/c/copy.json',
    });
    expect((await store.getJson('plugin=cloud-inventory/index/c/copy.json'))?.value).toEqual(value);

    // Conditional writes still compare against the stored ETag.
    const next = await store.putJson(
      'plugin=cloud-inventory/index/c/g1-shard-0.json',
      { a: 1 },
      {
        ifMatch: etag,
      },
    );
    await expect(
      store.putJson('plugin=cloud-inventory/index/c/g1-shard-0.json', { a: 2 }, { ifMatch: etag }),
    ).rejects.toSatisfy(isPreconditionFailed);
    expect((await store.getJson('plugin=cloud-inventory/index/c/g1-shard-0.json'))?.etag).toBe(
      next,
    );
    await database.disconnect();
  });

  test('records written through s3db.js resources on the same store get no body copy either', async () => {
    const { database, directory } = await fileDatabase();
    createObjectStore(database.client);
    const resource = await database.createResource({
      name: 'things',
      attributes: { name: 'string', notes: 'string|optional' },
      behavior: 'body-overflow',
    });
    await resource.insert({ id: 'a', name: 'first', notes: 'x'.repeat(5000) });
    expect((await resource.get('a')).notes).toBe('x'.repeat(5000));
    const files = await metadataFiles(join(directory, 'resource=things'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('body');
    await database.disconnect();
  });

  test('leaves other clients alone', async () => {
    const database = await createTestDatabase();
    expect(leaveBodiesOutOfFileMetadata(database.client)).toBe(false);
    expect(leaveBodiesOutOfFileMetadata(undefined)).toBe(false);
  });
});
