import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { startFauxqs } from 'fauxqs';

/** Credentials the local S3 server accepts (it accepts any). */
export const s3AccessKey = 'TESTACCESSKEY';
export const s3SecretKey = 'test-secret-key-not-real';

/** A local S3-compatible server (fauxqs) on 127.0.0.1 with one bucket. */
export interface LocalS3Server {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  bucket: string;
  /** An AWS SDK client pointed at the server (path style). */
  client: S3Client;
  /** s3db.js connection string for `bucket`, optionally through another endpoint (a proxy). */
  connectionString(options?: { endpoint?: string; bucket?: string; query?: string }): string;
  /** Create another bucket. */
  createBucket(name: string): Promise<void>;
  /** Every object of a bucket: key, body text and user metadata. */
  readAllObjects(bucket?: string): Promise<StoredObject[]>;
  stop(): Promise<void>;
}

/** One object read back from the server. */
export interface StoredObject {
  key: string;
  body: string;
  metadata: Record<string, string>;
}

/** An AWS SDK S3 client for a local endpoint. */
export function createS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3AccessKey, secretAccessKey: s3SecretKey },
    maxAttempts: 1,
  });
}

/**
 * Start fauxqs (an S3/SQS/SNS emulator, npm `fauxqs`) on a free port of 127.0.0.1. Objects live in
 * the memory of this process, so nothing is left on disk; `stop()` closes the server.
 */
export async function startS3Server(bucket = 'inventory-test'): Promise<LocalS3Server> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const client = createS3Client(endpoint);
  const createBucket = async (name: string) => {
    await client.send(new CreateBucketCommand({ Bucket: name }));
  };
  await createBucket(bucket);
  return {
    endpoint,
    port: server.port,
    bucket,
    client,
    connectionString(options = {}) {
      const base = options.endpoint ?? endpoint;
      const url = new URL(`${base}/${options.bucket ?? bucket}`);
      url.username = encodeURIComponent(s3AccessKey);
      url.password = encodeURIComponent(s3SecretKey);
      return `${url.toString()}${options.query ? `?${options.query}` : ''}`;
    },
    createBucket,
    async readAllObjects(name = bucket) {
      const objects: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: name,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const item of page.Contents ?? []) {
          const object = await client.send(new GetObjectCommand({ Bucket: name, Key: item.Key }));
          objects.push({
            key: item.Key as string,
            body: (await object.Body?.transformToString()) ?? '',
            metadata: object.Metadata ?? {},
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}
