import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  renderTerraformImports,
  type TerraformCandidate,
  terraformDeclarations,
} from '../../packages/cli/src/render/terraform-imports.ts';
import { fixtureEstates } from './fixture-estates.ts';

// Issue 20, item 9: the import blocks `cloud-inventory export --format terraform` writes for each
// driver's fixture estate, as listed by the real driver against its fake API. The golden files are
// reviewed by hand against the providers' "Import" documentation; `UPDATE_GOLDEN=1` rewrites them.
const goldenDirectory = join(dirname(fileURLToPath(import.meta.url)), 'golden');

describe.each(fixtureEstates)('Terraform imports of the $driver fixture estate', (estate) => {
  test('match the golden file; every declared template resolves on the driver’s output', async () => {
    const resources = await estate.list();
    const cloudId = `${estate.driver}-fixtures`;
    const candidates: TerraformCandidate[] = resources.map((resource) => ({
      ...resource,
      id: `${cloudId}:${resource.resourceType}:${resource.resourceId}`,
      cloudId,
    }));
    const text = renderTerraformImports(candidates, terraformDeclarations([estate.catalog]));
    const goldenPath = join(goldenDirectory, `${estate.driver}.tf`);
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: a switch for rewriting golden files by hand
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, text);
    expect(existsSync(goldenPath), `${goldenPath} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(text).toBe(readFileSync(goldenPath, 'utf8'));

    // A template naming a value the driver does not produce would skip every such resource.
    expect(text).not.toContain('has no value');
    // Every type that declares an import has at least one block in the estate.
    for (const service of estate.catalog.services)
      for (const descriptor of service.resourceTypes) {
        if (!descriptor.terraform) continue;
        const types = (
          Array.isArray(descriptor.terraform) ? descriptor.terraform : [descriptor.terraform]
        ).map((entry) => entry.type);
        expect(
          types.some((type) => text.includes(`  to = ${type}.`)),
          `${descriptor.type} (${types.join(', ')})`,
        ).toBe(true);
      }
  }, 60_000);
});
