import { ConfigurationError } from '@cloud-inventory/core';
import { rejectionOf } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { createAzureCredential, StaticAccessTokenCredential } from '../src/azure-credential.ts';
import {
  resolveAzureCredentialSource,
  resolveAzureSubscriptionIds,
  resolveAzureTokenScope,
} from '../src/azure-options.ts';
import {
  createAzureDriver,
  normalizeAzureLocation,
  normalizeAzureResourceId,
} from '../src/driver.ts';

const servicePrincipal = {
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'secret-value',
};

describe('azure options', () => {
  test('a pre-issued access token wins, then a service principal, then DefaultAzureCredential', () => {
    expect(resolveAzureCredentialSource({ accessToken: ' token ' }, servicePrincipal)).toEqual({
      kind: 'access-token',
      token: 'token',
    });
    expect(
      resolveAzureCredentialSource({ tenantId: 't', clientId: 'c', clientSecret: 's' }, {}),
    ).toEqual({ kind: 'service-principal', tenantId: 't', clientId: 'c', clientSecret: 's' });
    expect(resolveAzureCredentialSource({}, servicePrincipal)).toEqual({
      kind: 'service-principal',
      tenantId: 'tenant',
      clientId: 'client',
      clientSecret: 'secret-value',
    });
    expect(resolveAzureCredentialSource({ subscriptionId: 'x' }, {})).toEqual({ kind: 'default' });
  });

  test('half a service principal is a configuration error naming the missing fields', () => {
    let error: unknown;
    try {
      resolveAzureCredentialSource({ clientId: 'c' }, {});
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('credentials.tenantId');
    expect((error as Error).message).toContain('credentials.clientSecret');
    expect((error as Error).message).not.toContain('credentials.clientId:');
  });

  test('subscriptions: the credentials one (or AZURE_SUBSCRIPTION_ID) first, then config, without duplicates', () => {
    expect(
      resolveAzureSubscriptionIds(
        { subscriptionId: 'AAA' },
        { subscriptionIds: ['bbb', 'aaa'] },
        {},
      ),
    ).toEqual(['AAA', 'bbb']);
    expect(resolveAzureSubscriptionIds({}, {}, { AZURE_SUBSCRIPTION_ID: 'env' })).toEqual(['env']);
    expect(resolveAzureSubscriptionIds({}, {}, {})).toEqual([]);
  });

  test('token scope follows the sovereign cloud of the endpoint', () => {
    expect(resolveAzureTokenScope('https://management.usgovcloudapi.net', undefined)).toBe(
      'https://management.usgovcloudapi.net/.default',
    );
    expect(resolveAzureTokenScope('http://127.0.0.1:8080', undefined)).toBe(
      'https://management.azure.com/.default',
    );
    expect(resolveAzureTokenScope('https://proxy.example', 'https://custom/.default')).toBe(
      'https://custom/.default',
    );
  });

  test('plain http is refused for anything but loopback', async () => {
    const driver = createAzureDriver({
      id: 'azure-http',
      driver: 'azure',
      credentials: { accessToken: 'token' },
      config: { endpoint: 'http://arm.example.com' },
    });
    const error = await rejectionOf(driver.initialize());
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('config.endpoint');
  });

  test('ids and locations are normalized', () => {
    expect(normalizeAzureResourceId(' /subscriptions/A/resourceGroups/RG/providers/X/y/Z/ ')).toBe(
      '/subscriptions/a/resourcegroups/rg/providers/x/y/z',
    );
    expect(normalizeAzureLocation('East US 2')).toBe('eastus2');
    expect(normalizeAzureLocation('')).toBeUndefined();
  });

  test('accountId is config.accountId, else the subscription of the credentials', () => {
    const driver = (credentials: object, config: object = {}) =>
      createAzureDriver({ id: 'a', driver: 'azure', credentials, config });
    expect(driver({ subscriptionId: 'sub' }).accountId).toBe('sub');
    expect(driver({ subscriptionId: 'sub' }, { accountId: 'mine' }).accountId).toBe('mine');
  });
});

describe('azure credentials', () => {
  test('an access token needs no @azure/identity; a service principal is a ClientSecretCredential', async () => {
    const token = await createAzureCredential({ kind: 'access-token', token: 'pre-issued' });
    expect(token).toBeInstanceOf(StaticAccessTokenCredential);
    expect((await token.getToken('https://management.azure.com/.default'))?.token).toBe(
      'pre-issued',
    );
    const principal = await createAzureCredential({
      kind: 'service-principal',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      clientId: '0b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      clientSecret: 'not-a-real-secret',
    });
    expect(principal.constructor.name).toBe('ClientSecretCredential');
    const fallback = await createAzureCredential({ kind: 'default' });
    expect(fallback.constructor.name).toBe('DefaultAzureCredential');
  });
});
