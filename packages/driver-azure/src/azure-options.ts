import { ConfigurationError } from '@cloud-inventory/core';
import type { RetryOptions } from '@cloud-inventory/driver-kit';

/** Default base URL of Azure Resource Manager (the public cloud). */
export const azureDefaultEndpoint = 'https://management.azure.com';

/** Environment variables read when the credentials leave a field out (the names the Azure CLI and SDKs use). */
export const azureEnvironmentVariables = {
  subscriptionId: 'AZURE_SUBSCRIPTION_ID',
  tenantId: 'AZURE_TENANT_ID',
  clientId: 'AZURE_CLIENT_ID',
  clientSecret: 'AZURE_CLIENT_SECRET',
} as const;

/** Credentials of the Azure driver: a subscription, and a service principal, a pre-issued token or nothing (DefaultAzureCredential). */
export interface AzureCredentials {
  /** Subscription to list (`config.subscriptionIds` adds more; without any, every subscription the credentials can list). */
  subscriptionId?: string;
  /** Microsoft Entra tenant of the service principal. */
  tenantId?: string;
  /** Application (client) id of the service principal. */
  clientId?: string;
  /** Client secret of the service principal. */
  clientSecret?: string;
  /** A pre-issued ARM access token (`az account get-access-token --query accessToken`); used as is, never refreshed. */
  accessToken?: string;
}

/** Retry policy of the Azure SDK pipeline (429 with Retry-After, 5xx and network errors). */
export interface AzureRetryOptions extends RetryOptions {
  /** Cap of one Retry-After wait (a longer one is shortened to this). @default 60000 */
  maximumWaitMs?: number;
}

/** `config` of an Azure cloud definition. */
export interface AzureDriverConfig {
  /** Account id recorded on the cloud; each resource carries its subscription id. @default the only subscription, or the tenant id */
  accountId?: string;
  /** Subscriptions to list, besides `credentials.subscriptionId`; none: every subscription the credentials can list. */
  subscriptionIds?: string[];
  /** Resource groups to keep (case-insensitive); all when empty. */
  resourceGroups?: string[];
  /** Locations to keep (`eastus`, `westeurope`); resources located `global` are always kept. All when empty. */
  regions?: string[];
  /** Services to list (`compute`, `network`, ...); all when empty. */
  services?: string[];
  /** ARM base URL (sovereign clouds, proxies, tests); plain http only for loopback. @default 'https://management.azure.com' */
  endpoint?: string;
  /** Token scope for the ARM audience. @default '<endpoint>/.default' for the known clouds, else the public cloud's */
  tokenScope?: string;
  /** Retries of 429, 5xx and network errors. */
  retry?: AzureRetryOptions;
}

/** Where a credential comes from. */
export type AzureCredentialSource =
  | { kind: 'access-token'; token: string }
  | { kind: 'service-principal'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'default' };

function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Which credential to build: an access token, a complete service principal (credentials or AZURE_* variables), or DefaultAzureCredential. */
export function resolveAzureCredentialSource(
  credentials: AzureCredentials | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): AzureCredentialSource {
  if (present(credentials?.accessToken)) {
    return { kind: 'access-token', token: credentials.accessToken.trim() };
  }
  const given = [credentials?.tenantId, credentials?.clientId, credentials?.clientSecret];
  if (given.some(present)) {
    const [tenantId, clientId, clientSecret] = given;
    const missing = (['tenantId', 'clientId', 'clientSecret'] as const).filter(
      (_field, index) => !present(given[index]),
    );
    if (missing.length > 0) {
      throw new ConfigurationError({
        issues: missing.map((field) => ({
          path: `credentials.${field}`,
          expected: 'a service principal needs tenantId, clientId and clientSecret together',
          received: 'nothing',
        })),
      });
    }
    return {
      kind: 'service-principal',
      tenantId: tenantId!.trim(),
      clientId: clientId!.trim(),
      clientSecret: clientSecret!,
    };
  }
  const tenantId = environment[azureEnvironmentVariables.tenantId];
  const clientId = environment[azureEnvironmentVariables.clientId];
  const clientSecret = environment[azureEnvironmentVariables.clientSecret];
  if (present(tenantId) && present(clientId) && present(clientSecret)) {
    return { kind: 'service-principal', tenantId, clientId, clientSecret };
  }
  return { kind: 'default' };
}

/** The configured subscriptions: `credentials.subscriptionId` (or AZURE_SUBSCRIPTION_ID) then `config.subscriptionIds`, without duplicates; empty means "list them". */
export function resolveAzureSubscriptionIds(
  credentials: AzureCredentials | undefined,
  config: AzureDriverConfig,
  environment: NodeJS.ProcessEnv = process.env,
): string[] {
  const configured = config.subscriptionIds;
  if (configured !== undefined && !Array.isArray(configured)) {
    throw new ConfigurationError({
      issues: [
        {
          path: 'config.subscriptionIds',
          expected: 'an array of subscription ids',
          received: JSON.stringify(configured),
        },
      ],
    });
  }
  const first = present(credentials?.subscriptionId)
    ? credentials.subscriptionId
    : environment[azureEnvironmentVariables.subscriptionId];
  const all = [first, ...(configured ?? [])].filter(present).map((id) => id.trim());
  const seen = new Set<string>();
  return all.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Token scopes of the known Azure clouds, by ARM host. */
const cloudScopes: Record<string, string> = {
  'management.azure.com': 'https://management.azure.com/.default',
  'management.usgovcloudapi.net': 'https://management.usgovcloudapi.net/.default',
  'management.chinacloudapi.cn': 'https://management.chinacloudapi.cn/.default',
};

/** The token scope: `config.tokenScope`, the known cloud's for its ARM host, else the public cloud's (proxies and tests). */
export function resolveAzureTokenScope(endpoint: string, configured: string | undefined): string {
  if (present(configured)) return configured.trim();
  const host = new URL(endpoint).hostname.toLowerCase();
  return cloudScopes[host] ?? cloudScopes['management.azure.com']!;
}
