import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer, FakeRequest } from '@cloud-inventory/testkit';
import { listAll, ofType, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GcpEndpoints } from '../src/gcp-endpoints.ts';
import { gcpAccessToken } from './fixtures/gcp-fixtures.ts';
import { createTestDriver, startGcpApi } from './gcp-test-helpers.ts';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const serviceAccountKey = {
  type: 'service_account',
  project_id: 'acme-prod',
  private_key_id: '0123456789abcdef',
  private_key: privateKey,
  client_email: 'inventory@acme-prod.iam.gserviceaccount.com',
  client_id: '109876543210987654321',
  token_uri: 'https://oauth2.googleapis.com/token',
};

function jwtClaims(request: FakeRequest): Record<string, unknown> {
  const assertion = request.form().get('assertion') ?? '';
  return JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('gcp credentials and config', () => {
  let api: FakeProviderServer;
  let tokenRequests: Record<string, unknown>[];
  beforeEach(async () => {
    api = await startGcpApi();
    tokenRequests = [];
    // The OAuth token endpoint, reached through config.endpoint like every Google API.
    api.addRoutes([
      {
        method: 'POST',
        path: '/oauth2/token',
        auth: false,
        handler: (request) => {
          tokenRequests.push({ grant: request.form().get('grant_type'), ...jwtClaims(request) });
          return { body: { access_token: gcpAccessToken, expires_in: 3599, token_type: 'Bearer' } };
        },
      },
    ]);
  });
  afterEach(async () => {
    await api.close();
  });

  test('a service-account key object gets a read-only token through google-auth-library', async () => {
    const driver = createTestDriver(api, { services: ['iam'] }, { credentials: serviceAccountKey });
    const { resources } = await listAll(driver);
    expect(ofType(resources, 'gcp.iam.service-account')).toHaveLength(4);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({
      grant: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      iss: serviceAccountKey.client_email,
      scope: 'https://www.googleapis.com/auth/cloud-platform.read-only',
    });
  });

  test('a key file works the same way', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gcp-key-'));
    try {
      const keyFile = join(folder, 'key.json');
      writeFileSync(keyFile, JSON.stringify(serviceAccountKey));
      const { resources } = await listAll(
        createTestDriver(api, { services: ['pubsub'] }, { keyFile }),
      );
      expect(ofType(resources, 'gcp.pubsub.topic')).toHaveLength(4);
      expect(tokenRequests).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('no credentials: Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS), then the access-token variable', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gcp-adc-'));
    const saved = { ...process.env };
    try {
      const keyFile = join(folder, 'adc.json');
      writeFileSync(keyFile, JSON.stringify(serviceAccountKey));
      process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
      delete process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
      const adc = await listAll(createTestDriver(api, { services: ['iam'] }, {}));
      expect(ofType(adc.resources, 'gcp.iam.service-account')).toHaveLength(4);
      expect(tokenRequests).toHaveLength(1);

      process.env.GOOGLE_OAUTH_ACCESS_TOKEN = gcpAccessToken;
      const fromVariable = await listAll(createTestDriver(api, { services: ['iam'] }, {}));
      expect(fromVariable.resources).toHaveLength(4);
      expect(tokenRequests).toHaveLength(1);
    } finally {
      process.env = saved;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a missing key file fails with an auth error naming the credential fields', async () => {
    const driver = createTestDriver(api, {}, { keyFile: '/nonexistent/key.json' });
    const error = await rejectionOf(listAll(driver));
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('credentials.keyFile (/nonexistent/key.json)');
    expect(error.message).toContain('credentials.accessToken');
    expect(api.requests).toHaveLength(0);
  });

  test('a refused token request is an auth error', async () => {
    api.addRoutes([
      {
        method: 'POST',
        path: '/oauth2/token',
        auth: false,
        response: {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
        },
      },
    ]);
    const error = await rejectionOf(
      listAll(createTestDriver(api, {}, { credentials: serviceAccountKey })),
    );
    expect(DriverError.isInstance(error) && error.errorClass).toBe('auth');
    expect(error.message).toContain('credentials.credentials');
    expect(error.message).not.toContain('BEGIN PRIVATE KEY');
  });

  test('without projectId(s), every active project the credentials can list (Resource Manager)', async () => {
    const driver = createTestDriver(api, { projectIds: undefined, services: ['secretmanager'] });
    const { resources } = await listAll(driver);
    expect([...new Set(resources.map((resource) => resource.accountId))].sort()).toEqual([
      'acme-data',
      'acme-prod',
    ]);
    expect(api.requestsTo('/cloudresourcemanager/v3/projects:search')[0]!.query.query).toBe(
      'state:ACTIVE',
    );
  });

  test('projectId alone, and projectId with projectIds, are deduplicated', async () => {
    const single = await listAll(
      createTestDriver(api, { projectIds: undefined, projectId: 'acme-data', services: ['iam'] }),
    );
    expect(new Set(single.resources.map((resource) => resource.accountId))).toEqual(
      new Set(['acme-data']),
    );
    const driver = createTestDriver(api, {
      projectId: 'acme-prod',
      projectIds: ['acme-prod', 'acme-data'],
      services: ['iam'],
    });
    expect(driver.accountId).toBe('acme-prod');
    const both = await listAll(driver);
    expect(both.resources).toHaveLength(4);
  });

  test('config errors: plain http to a remote host, bad projectIds, unknown services and regions', async () => {
    await expect(
      createTestDriver(api, { endpoint: 'http://proxy.example.com' }).initialize(),
    ).rejects.toBeInstanceOf(ConfigurationError);
    await expect(createTestDriver(api, { projectIds: [''] }).initialize()).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    await expect(createTestDriver(api, { pageSize: 501 }).initialize()).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    await expect(listAll(createTestDriver(api, { services: ['ec2'] }))).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    await expect(
      listAll(createTestDriver(api, { regions: ['mars-north1'] })),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });

  test('config.endpoint: {api} becomes each API host prefix; without it one base URL serves every API', async () => {
    const endpoints = new GcpEndpoints('https://{api}-corp.p.googleapis.com');
    expect(endpoints.baseUrl('redis')).toBe('https://redis-corp.p.googleapis.com');
    expect(new GcpEndpoints(undefined).baseUrl('file')).toBe('https://file.googleapis.com');
    expect(new GcpEndpoints('https://proxy.example.com/google/').baseUrl('compute')).toBe(
      'https://proxy.example.com/google',
    );

    api.addRoutes([
      {
        path: '/compute/v1/projects/:project/regions',
        fixture: { kind: 'compute#regionList', items: [{ name: 'us-central1' }] },
      },
      {
        path: '/v1/projects/:project/locations/-/clusters',
        service: 'gke',
        fixture: { clusters: [], missingZones: [] },
      },
    ]);
    const driver = createTestDriver(api, {
      endpoint: api.url,
      services: ['gke'],
      projectIds: ['acme-prod'],
    });
    const { runtime } = await listAll(driver);
    expect(api.requestsTo('/v1/projects/acme-prod/locations/-/clusters')).toHaveLength(1);
    expect(runtime.scopes).toEqual([
      expect.objectContaining({ service: 'gke', status: 'complete', region: 'global' }),
      expect.objectContaining({ region: 'us-central1' }),
    ]);
  });
});
