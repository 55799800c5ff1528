import { AuthenticationError, CredentialUnavailableError } from '@azure/identity';
import { DriverError } from '@cloud-inventory/core';
import type { FakeProviderServer } from '@cloud-inventory/testkit';
import { listAll, rejectionOf } from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { StaticAccessTokenCredential } from '../src/azure-credential.ts';
import { classifyAzureError, isAzureCredentialFailure } from '../src/azure-error-classes.ts';
import { toAzureStepError } from '../src/azure-errors.ts';
import { createTestDriver, startArm } from './azure-test-helpers.ts';
import { subscriptionA } from './fixtures/azure-fixture-places.ts';

describe('azure identity failures', () => {
  let server: FakeProviderServer;
  beforeEach(async () => {
    server = await startArm();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  test('@azure/identity errors are credential failures of class auth, also once wrapped', () => {
    const unavailable = new CredentialUnavailableError(
      'DefaultAzureCredential found no credential.',
    );
    const refused = new AuthenticationError(401, {
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided.',
    });
    for (const error of [unavailable, refused]) {
      expect(classifyAzureError(error)).toBe('auth');
      expect(isAzureCredentialFailure(error)).toBe(true);
      const wrapped = toAzureStepError(error, {
        provider: 'Microsoft.Compute',
        subscriptionId: subscriptionA,
        service: 'compute',
        call: 'GET /subscriptions/x/providers/Microsoft.Compute/virtualMachines',
      });
      expect(isAzureCredentialFailure(wrapped)).toBe(true);
    }
    expect(isAzureCredentialFailure(new Error('socket hang up'))).toBe(false);
  });

  test('a credential that cannot get a token fails the sync with an auth error naming the fields', async () => {
    vi.spyOn(StaticAccessTokenCredential.prototype, 'getToken').mockRejectedValue(
      new CredentialUnavailableError('No credential could get a token.'),
    );
    const error = await rejectionOf(
      listAll(
        createTestDriver(server, { subscriptionIds: [subscriptionA], services: ['compute'] }),
      ),
    );
    expect(DriverError.isInstance(error)).toBe(true);
    expect((error as DriverError).errorClass).toBe('auth');
    expect(error.message).toContain('credentials.tenantId');
    expect(server.requests).toHaveLength(0);
  });
});
