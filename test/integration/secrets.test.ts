import {
  BaseCloudDriver,
  CloudInventoryPlugin,
  type CloudResource,
  type ListOptions,
} from '@cloud-inventory/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectDatabase } from '../support/inventory-database.ts';
import { type LocalS3Server, startS3Server } from '../support/s3-server.ts';

// Every planted value is unique, so a hit names where it came from.
const planted = {
  connectionKey: 'AKIAPLANTEDCONNKEY01',
  connectionSecret: 'planted-connection-secret-Zq81',
  credentialKey: 'AKIAPLANTEDCREDKEY02',
  credentialSecret: 'planted-credential-secret-Wv27',
  credentialToken: 'planted-session-token-Hh55',
  configPassword: 'planted-config-password-Pp09',
  masterPassword: 'planted-master-password-Mm11',
  privateKey: 'MIIEplantedPRIVATEkeyMATERIAL0123456789abcdef',
  apiToken: 'planted-api-token-Tt42',
  databasePassword: 'planted-db-password-Dd73',
  environmentSecret: 'planted-env-secret-Ee64',
  userDataSecret: 'planted-user-data-Uu38',
  containerSecret: 'planted-container-env-Cc19',
  tagSecret: 'planted-tag-secret-Gg90',
  metadataToken: 'planted-metadata-token-Ll21',
  rawSecret: 'planted-raw-secret-Rr66',
  updatedPassword: 'planted-rotated-password-Rt70',
};

class LeakyDriver extends BaseCloudDriver<Record<string, string>> {
  static generation = 0;
  async initialize(): Promise<void> {
    this.logger.info('driver initialized', { accountId: this.accountId });
  }
  async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    options.runtime.emitCheckpoint({ page: 1 });
    options.runtime.emitState({ cursor: 'next' });
    options.runtime.reportScope({ service: 'rds', region: 'us-east-1', status: 'complete' });
    yield {
      provider: 'aws',
      region: 'us-east-1',
      service: 'rds',
      resourceType: 'aws.rds.instance',
      resourceId: 'db-1',
      name: 'primary',
      tags: { env: 'prod', Password: planted.tagSecret },
      configuration: {
        MasterUsername: 'admin',
        MasterUserPassword:
          LeakyDriver.generation === 0 ? planted.masterPassword : planted.updatedPassword,
        TlsKey: `-----BEGIN RSA PRIVATE KEY-----\n${planted.privateKey}\n-----END RSA PRIVATE KEY-----`,
        Endpoint: { Address: 'db.internal', Port: 5432 },
        ConnectionUri: `postgres://admin:${planted.databasePassword}@db.internal:5432/app`,
        Integrations: [{ name: 'webhook', apiToken: planted.apiToken }],
        Lambda: {
          Environment: {
            Variables: { DB_HOST: 'db.internal', FEATURE_SECRET_VALUE: planted.environmentSecret },
          },
        },
        LaunchTemplate: {
          UserData: Buffer.from(`#!/bin/sh\nexport TOKEN=${planted.userDataSecret}\n`).toString(
            'base64',
          ),
        },
        Containers: [
          { name: 'app', env: [{ name: 'SOME_SETTING', value: planted.containerSecret }] },
        ],
      },
      metadata: { fetchedWith: 'describe-db-instances', sessionToken: planted.metadataToken },
      raw: { DBInstanceIdentifier: 'db-1', clientSecret: planted.rawSecret },
    };
  }
}

class FailingDriver extends BaseCloudDriver<Record<string, string>> {
  async initialize(): Promise<void> {
    // A careless SDK error that quotes the credentials it was given.
    throw new Error(
      `InvalidClientTokenId: key ${this.credentials.accessKeyId} with secret ${this.credentials.secretAccessKey} was rejected`,
    );
  }
  async listResources(): Promise<CloudResource[]> {
    return [];
  }
}

describe('secrets never reach a stored object, a log line, stdout or stderr', () => {
  let server: LocalS3Server;
  const lines: string[] = [];
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    server = await startS3Server('secrets');
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        lines.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original as typeof stream.write;
      });
    }
    // Vitest routes console output around the streams, so console methods are captured as well.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        lines.push(
          args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
        );
        original.apply(console, args);
      };
      restore.push(() => {
        console[method] = original;
      });
    }
  });
  afterAll(async () => {
    for (const undo of restore) undo();
    await server?.stop();
  });

  test('planted credentials, connection-string secrets and secret driver output are redacted everywhere', async () => {
    const connectionString = server
      .connectionString()
      .replace(/\/\/[^@]+@/, `//${planted.connectionKey}:${planted.connectionSecret}@`);
    const database = await connectDatabase(connectionString);
    const logged: string[] = [];
    const logger = Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [
        level,
        (message: string, fields?: Record<string, unknown>) =>
          logged.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
      ]),
    ) as never;
    const credentials = {
      accessKeyId: planted.credentialKey,
      secretAccessKey: planted.credentialSecret,
      sessionToken: planted.credentialToken,
    };
    const clouds = [
      {
        id: 'aws-secret',
        driver: LeakyDriver,
        credentials,
        config: { accountId: '500000000000', password: planted.configPassword },
      },
      {
        id: 'aws-failing',
        driver: FailingDriver,
        credentials,
        config: { accountId: '500000000001' },
      },
    ];
    const events: unknown[] = [];
    const withLogger = new CloudInventoryPlugin({
      clouds,
      discovery: { runOnInstall: false },
      verbose: true,
      logger,
    });
    for (const name of ['resource.created', 'resource.updated', 'sync.completed', 'sync.failed'])
      withLogger.on(name, (payload) => events.push(payload));
    await withLogger.install(database);
    const summaries = await withLogger.syncAll();
    LeakyDriver.generation = 1;
    // Verbose without a logger writes to stderr, which is captured too.
    const toConsole = new CloudInventoryPlugin({
      clouds,
      discovery: { runOnInstall: false },
      verbose: true,
    });
    await toConsole.install(database);
    summaries.push(...(await toConsole.syncAll()));

    expect(summaries.map((summary) => summary.status)).toEqual([
      'succeeded',
      'failed',
      'succeeded',
      'failed',
    ]);
    // The rotated password still shows as a change, through its keyed hash.
    expect(summaries[2]).toMatchObject({ updated: 1 });
    const history = await toConsole.getHistory({
      cloudId: 'aws-secret',
      resourceType: 'aws.rds.instance',
      resourceId: 'db-1',
    });
    expect(Object.keys((history!.changes[1] as any).diff.updated)).toEqual([
      'configuration.MasterUserPassword',
    ]);
    expect(logged.length).toBeGreaterThan(3);
    expect(lines.join('')).toMatch(/\[cloud-inventory\]/);

    const objects = await server.readAllObjects();
    expect(objects.length).toBeGreaterThan(10);
    const haystacks: Array<[string, string]> = [
      ...objects.map((object): [string, string] => [
        `object ${object.key}`,
        `${object.key}\n${object.body}\n${JSON.stringify(object.metadata)}\n${decodeMetadata(object.metadata)}`,
      ]),
      ...logged.map((line, index): [string, string] => [`logger line ${index}`, line]),
      ['stdout/stderr', lines.join('')],
      ['summaries', JSON.stringify(summaries)],
      ['events', JSON.stringify(events)],
    ];
    const leaks: string[] = [];
    for (const [where, text] of haystacks) {
      for (const [name, value] of Object.entries(planted)) {
        const forms = [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)];
        if (forms.some((form) => text.includes(form))) leaks.push(`${name} in ${where}`);
      }
      // Base64 user data is decoded before checking, in case it was stored as is.
      for (const match of text.matchAll(/[A-Za-z0-9+/]{24,}={0,2}/g)) {
        const decoded = Buffer.from(match[0], 'base64').toString('utf8');
        for (const [name, value] of Object.entries(planted))
          if (decoded.includes(value)) leaks.push(`${name} (base64) in ${where}`);
      }
    }
    expect(leaks).toEqual([]);
    await database.disconnect();
  }, 60_000);
});

/** s3db.js may encode metadata values (base64 with a prefix); decode what looks encoded. */
function decodeMetadata(metadata: Record<string, string>): string {
  return Object.values(metadata)
    .map((value) => {
      const text = String(value);
      const base64 = text.replace(/^[a-z]+:/, '');
      try {
        return Buffer.from(base64, 'base64').toString('utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
}
