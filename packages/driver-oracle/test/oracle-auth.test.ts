import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@cloud-inventory/core';
import { rejectionOf } from '@cloud-inventory/testkit';
import { describe, expect, test } from 'vitest';
import { resolveOracleIdentity } from '../src/oracle-auth.ts';
import { tenancyId, userId } from './fixtures/oracle-ids.ts';
import { apiKey } from './fixtures/oracle-signing.ts';

describe('oracle credentials', () => {
  test('the OCI CLI environment variables stand in for the direct fields (key content or key file)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oci-key-'));
    writeFileSync(join(folder, 'key.pem'), apiKey.privateKey);
    const environment = {
      OCI_CLI_TENANCY: tenancyId,
      OCI_CLI_USER: userId,
      OCI_CLI_FINGERPRINT: apiKey.fingerprint,
      OCI_CLI_KEY_FILE: join(folder, 'key.pem'),
      OCI_CLI_REGION: 'eu-frankfurt-1',
    };
    const identity = await resolveOracleIdentity({}, {}, environment);
    expect(identity).toMatchObject({ method: 'api-key', tenancyId, region: 'eu-frankfurt-1' });
    expect(await identity.provider.getKeyId()).toBe(`${tenancyId}/${userId}/${apiKey.fingerprint}`);
    // Explicit credentials win over the environment; config.tenancyId over both.
    const explicit = await resolveOracleIdentity(
      { region: 'us-ashburn-1', privateKey: apiKey.privateKey },
      { tenancyId: 'ocid1.tenancy.oc1..configured' },
      environment,
    );
    expect(explicit).toMatchObject({
      region: 'us-ashburn-1',
      tenancyId: 'ocid1.tenancy.oc1..configured',
    });
  });

  test('without any field, the config file from OCI_CLI_CONFIG_FILE and OCI_CLI_PROFILE', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oci-config-'));
    writeFileSync(join(folder, 'key.pem'), apiKey.privateKey);
    writeFileSync(
      join(folder, 'config'),
      `[OPS]\nuser=${userId}\nfingerprint=${apiKey.fingerprint}\ntenancy=${tenancyId}\nregion=eu-frankfurt-1\nkey_file=${join(folder, 'key.pem')}\n`,
    );
    const identity = await resolveOracleIdentity(
      undefined,
      {},
      {
        OCI_CLI_CONFIG_FILE: join(folder, 'config'),
        OCI_CLI_PROFILE: 'OPS',
      },
    );
    expect(identity).toMatchObject({ method: 'config-file', tenancyId, region: 'eu-frankfurt-1' });
    expect(identity.credentialHint).toContain('[OPS]');
  });

  test('a missing config file names the options and variables to set', async () => {
    const error = await rejectionOf(
      resolveOracleIdentity({ configFilePath: '/nonexistent/oci/config' }, {}, {}),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('credentials.configFilePath');
    expect(error.message).toContain('OCI_CLI_CONFIG_FILE');
  });
});
