import type { CliContext } from '../cli-context.ts';
import { type TerraformDeclarations, terraformDeclarations } from '../render/terraform-imports.ts';
import { describeRegisteredDrivers, loadAvailableDrivers } from './driver-catalogs.ts';

/** The `terraform` declarations of every installed driver's catalog (the clone's drivers in a clone). */
export async function loadTerraformDeclarations(
  context: CliContext,
): Promise<TerraformDeclarations> {
  await loadAvailableDrivers([context.cwd]);
  const catalogs = describeRegisteredDrivers().flatMap((driver) =>
    driver.catalog ? [driver.catalog] : [],
  );
  return terraformDeclarations(catalogs);
}
