import type { CloudResource } from '@cloud-inventory/core';
import type { ResourceEnrichment } from '@cloud-inventory/driver-kit';
import type { AzureSubscriptionClients } from './azure-clients.ts';
import { type ArmObject, readArmObject } from './azure-paging.ts';
import { parseAzureResourceId } from './azure-resource-ids.ts';

/** Per-resource reads of one resource type, made after it is listed. */
export type AzureEnricher = (
  resource: CloudResource,
  reads: ResourceEnrichment,
  clients: AzureSubscriptionClients,
  signal: AbortSignal,
) => Promise<CloudResource>;

/** The web-app configuration call, as a user would grant it. */
export const webAppConfigurationCall =
  'GET /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Web/sites/{name}/config/web';

// NOTE: a site listing carries `siteConfig` with nearly every field null; the configuration call
// fills it in (runtime stacks, TLS, FTPS, always-on...). App settings stay out: reading them is a
// POST list action that Reader does not grant, and they often hold secrets.
async function enrichWebApp(
  resource: CloudResource,
  reads: ResourceEnrichment,
  clients: AzureSubscriptionClients,
  signal: AbortSignal,
): Promise<CloudResource> {
  const configuration = resource.configuration as ArmObject;
  const resourceGroup = configuration.id
    ? parseAzureResourceId(configuration.id).resourceGroup
    : undefined;
  if (!resourceGroup || typeof configuration.name !== 'string') return resource;
  const siteConfig = await reads.read(webAppConfigurationCall, () =>
    readArmObject(
      async () =>
        (await clients.get('appService')).webApps.getConfiguration(
          resourceGroup,
          configuration.name as string,
          { abortSignal: signal },
        ),
      'appservice',
    ),
  );
  if (!siteConfig?.properties) return resource;
  return {
    ...resource,
    configuration: {
      ...configuration,
      properties: {
        ...configuration.properties,
        siteConfig: { ...listedSiteConfig(configuration), ...withoutNulls(siteConfig.properties) },
      },
    },
  };
}

function listedSiteConfig(configuration: ArmObject): Record<string, unknown> {
  const listed = configuration.properties?.siteConfig;
  return listed && typeof listed === 'object' ? (listed as Record<string, unknown>) : {};
}

// The configuration call answers null for what it does not report (app settings, connection
// strings); those must not erase what the listing carried.
function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

/** Enrichment per resource type. */
export const azureEnrichers: Record<string, AzureEnricher> = {
  'azure.appservice.webapp': enrichWebApp,
};
