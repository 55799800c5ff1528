import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { hclString, terraformName } from '../../packages/cli/src/render/terraform-imports.ts';
import {
  createWorkspace,
  ensureBuiltBinary,
  runCli,
  runInProcess,
} from '../../packages/cli/test/cli-harness.ts';
import { createFakeProviderServer, hetznerPages } from '../../packages/testkit/src/index.ts';

// Issue 20, item 9, end to end: sync the clone's hetzner driver against a fake API, then
// `export --format terraform`. The per-driver formats are checked by the golden files.
beforeAll(() => ensureBuiltBinary(), 120_000);

const sshKey = (id: number, name: string) => ({
  id,
  name,
  fingerprint: `fingerprint-${id}`,
  public_key: `ssh-ed25519 AAAA${id}`,
  labels: {},
  created: '2024-11-01T08:00:00+00:00',
});

describe('cloud-inventory export --format terraform', () => {
  test('writes import blocks for importable resources and lists the skipped ones first', async () => {
    const token = 'hcloud-export-token-0123456789';
    const iso = {
      id: 3502,
      name: 'appliance.iso',
      description: 'x',
      type: 'private',
      deprecation: null,
      architecture: 'x86',
    };
    const server = await createFakeProviderServer({
      auth: { type: 'bearer', token },
      routes: [
        { path: '/v1/locations', handler: hetznerPages({ key: 'locations', items: [] }) },
        {
          path: '/v1/ssh_keys',
          service: 'sshkeys',
          handler: hetznerPages({
            key: 'ssh_keys',
            items: [sshKey(2001, 'alice "ops"'), sshKey(2002, 'alice-ops')],
          }),
        },
        { path: '/v1/isos', service: 'isos', handler: hetznerPages({ key: 'isos', items: [iso] }) },
      ],
    });
    const workspace = createWorkspace({
      'cloud-inventory.config.json': {
        store: './store',
        clouds: [
          {
            id: 'hz',
            driver: 'hetzner',
            credentials: { token },
            config: { endpoint: `${server.url}/v1`, services: ['sshkeys', 'isos'] },
          },
        ],
      },
    });
    try {
      const synced = await runCli(['sync'], { cwd: workspace.directory, timeoutMs: 60_000 });
      expect(synced.code, synced.stderr).toBe(0);
      const exported = await runInProcess(
        ['export', '--format', 'terraform', '--output', 'imports.tf'],
        {
          cwd: workspace.directory,
        },
      );
      expect(exported.code, exported.stderr).toBe(0);
      const text = readFileSync(join(workspace.directory, 'imports.tf'), 'utf8');
      expect(text).toContain('# 2 resources to import, 1 skipped.');
      expect(text).toContain('#   hz:hetzner.iso:3502: no Terraform resource imports hetzner.iso');
      expect(text).toContain('import {\n  to = hcloud_ssh_key.alice_ops\n  id = "2001"\n}');
      expect(text).toContain('import {\n  to = hcloud_ssh_key.alice_ops_2\n  id = "2002"\n}');
      expect(text.indexOf('# Skipped:')).toBeLessThan(text.indexOf('import {'));
      const withAt = await runInProcess(['export', '--format', 'terraform', '--at', '1h'], {
        cwd: workspace.directory,
      });
      expect(withAt.code).toBe(2);
    } finally {
      await server.close();
      workspace.cleanup();
    }
  }, 90_000);

  test('names are Terraform identifiers and ids are escaped HCL strings', () => {
    expect(terraformName('web-1.example.com')).toBe('web_1_example_com');
    expect(terraformName('164.90.1.10')).toBe('r_164_90_1_10');
    expect(terraformName('***')).toBe('resource');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL template sequence, on purpose
    expect(hclString('a"b\\c${x}%{y}')).toBe('"a\\"b\\\\c$${x}%%{y}"');
  });
});
