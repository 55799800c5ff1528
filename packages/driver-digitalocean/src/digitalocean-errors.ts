import { DriverError } from '@cloud-inventory/core';
import { classifyError, redactSecrets, statusCodeOf } from '@cloud-inventory/driver-kit';

/** Read scopes a custom-scoped token needs per service (a full "Read" token has them all). */
export const digitalOceanTokenScopes: Record<string, string> = {
  account: 'account:read',
  regions: 'regions:read',
  droplets: 'droplet:read',
  kubernetes: 'kubernetes:read',
  databases: 'database:read',
  volumes: 'block_storage:read',
  snapshots: 'snapshot:read',
  loadbalancers: 'load_balancer:read',
  firewalls: 'firewall:read',
  vpc: 'vpc:read',
  floatingips: 'reserved_ip:read',
  domains: 'domain:read',
  cdn: 'cdn:read',
  registry: 'registry:read',
  apps: 'app:read',
  sshkeys: 'ssh_key:read',
};

function hintFor(service: string, statusCode: number | undefined, errorClass: string): string {
  if (service === 'spaces') {
    return errorClass === 'auth'
      ? ' Check credentials.spacesAccessKeyId and spacesSecretAccessKey: a Spaces key pair with access to this region, not the API token.'
      : '';
  }
  if (statusCode === 401) {
    return ' DigitalOcean refused the API token: check credentials.token (or DIGITALOCEAN_TOKEN) and that the token has not expired or been revoked.';
  }
  if (statusCode === 403) {
    const scope = digitalOceanTokenScopes[service];
    return scope
      ? ` The token may lack the ${scope} scope (a read-only token has it).`
      : ' The token may lack the read scope of this service.';
  }
  return '';
}

// SDK errors (Spaces) carry the S3 code as name/Code and often an empty or "UnknownError" message.
function describeError(error: unknown): string {
  if (DriverError.isInstance(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  const record = error as Error & { Code?: unknown };
  const code = typeof record.Code === 'string' ? record.Code : record.name;
  const message =
    record.message && record.message !== 'UnknownError' && record.message !== code
      ? record.message
      : undefined;
  const status = statusCodeOf(error);
  const parts = [
    status === undefined ? undefined : `HTTP ${status}`,
    code && code !== 'Error' ? code : undefined,
    message,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(' - ') : 'unknown error';
}

/** Wrap an error of one DigitalOcean call so its message names DigitalOcean, the service and what to do. */
export function digitalOceanError(
  error: unknown,
  context: { service: string; region?: string; action?: string; secrets?: string[] },
): DriverError {
  const errorClass = classifyError(error);
  const what = context.action ?? `listing ${context.service}`;
  const where = context.region && context.region !== 'global' ? ` in ${context.region}` : '';
  const statusCode = statusCodeOf(error);
  const message = `DigitalOcean ${what}${where} failed: ${describeError(error)}${hintFor(context.service, statusCode, errorClass)}`;
  return new DriverError({
    message: redactSecrets(message, context.secrets ?? []),
    errorClass,
    service: context.service,
    cause: error,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(context.region === undefined ? {} : { region: context.region }),
  });
}
