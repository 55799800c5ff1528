import { Database } from 's3db.js/lite';
import {
  BaseCloudDriver,
  type CloudResource,
  type ListOptions,
  type ScopeReport,
} from '../src/index.ts';

let databaseCounter = 0;

/** A connected memory:// database with eviction off. */
export async function createTestDatabase(): Promise<any> {
  databaseCounter += 1;
  const database = new Database({
    connectionString: `memory://core-test-${process.pid}-${databaseCounter}/inventory`,
    logLevel: 'silent',
    exitOnSignal: false,
  } as never);
  await database.connect();
  return database;
}

/** Counts storage requests made through the database client, by kind. */
export function countRequests(database: any) {
  const counts = { GET: 0, PUT: 0, HEAD: 0, LIST: 0, DELETE: 0, COPY: 0 };
  const kinds: Record<string, keyof typeof counts> = {
    getObject: 'GET',
    putObject: 'PUT',
    headObject: 'HEAD',
    listObjects: 'LIST',
    getKeysPage: 'LIST',
    getAllKeys: 'LIST',
    deleteObject: 'DELETE',
    deleteObjects: 'DELETE',
    copyObject: 'COPY',
    exists: 'HEAD',
  };
  const client = database.client;
  const originals: Record<string, any> = {};
  for (const [method, kind] of Object.entries(kinds)) {
    if (typeof client[method] !== 'function') continue;
    originals[method] = client[method];
    client[method] = async (...args: unknown[]) => {
      counts[kind] += 1;
      return originals[method].apply(client, args);
    };
  }
  return {
    counts,
    get total() {
      return Object.values(counts).reduce((sum, value) => sum + value, 0);
    },
    get writes() {
      return counts.PUT + counts.DELETE + counts.COPY;
    },
    reset() {
      for (const key of Object.keys(counts)) counts[key as keyof typeof counts] = 0;
    },
  };
}

/** A driver whose resources are set by the test between runs. */
export class ScriptedDriver extends BaseCloudDriver {
  static resources: CloudResource[] = [];
  static scopes: ScopeReport[] | undefined;
  static failWith: Error | undefined;
  static lastOptions: ListOptions | undefined;

  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    ScriptedDriver.lastOptions = options;
    for (const scope of ScriptedDriver.scopes ?? []) options.runtime.reportScope(scope);
    for (const resource of ScriptedDriver.resources) yield resource;
    if (ScriptedDriver.failWith) throw ScriptedDriver.failWith;
  }
}

/** A plain EC2-like resource. */
export function instance(id: string, overrides: Partial<CloudResource> = {}): CloudResource {
  return {
    provider: 'aws',
    accountId: '111122223333',
    region: 'us-east-1',
    service: 'ec2',
    resourceType: 'aws.ec2.instance',
    resourceId: id,
    name: `server-${id}`,
    tags: { env: 'prod' },
    configuration: { InstanceId: id, InstanceType: 't3.micro', State: { Name: 'running' } },
    ...overrides,
  };
}
