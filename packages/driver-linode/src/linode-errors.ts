import { DriverError } from '@cloud-inventory/core';
import { classifyError, statusCodeOf } from '@cloud-inventory/driver-kit';
import { linodeTokenEnvironmentVariable } from './linode-options.ts';

/** OAuth scope a personal access token needs per service (read-only is enough for every one). */
export const linodeTokenScopes: Readonly<Record<string, string>> = {
  linodes: 'linodes:read_only',
  kubernetes: 'lke:read_only',
  volumes: 'volumes:read_only',
  nodebalancers: 'nodebalancers:read_only',
  firewalls: 'firewall:read_only',
  vlans: 'linodes:read_only',
  vpcs: 'vpc:read_only',
  domains: 'domains:read_only',
  sshkeys: 'account:read_only',
  images: 'images:read_only',
  objectstorage: 'object_storage:read_only',
  stackscripts: 'stackscripts:read_only',
  databases: 'databases:read_only',
  placementgroups: 'placement:read_only',
  account: 'account:read_only',
};

/** What to check when Linode refuses the token itself (HTTP 401). */
export const linodeCredentialHint = `Check credentials.token (or credentials.apiToken, or the ${linodeTokenEnvironmentVariable} environment variable): it must be a valid, unexpired Linode personal access token.`;

function scopeHint(service: string | undefined, statusCode: number | undefined): string {
  if (statusCode === 401) return ` ${linodeCredentialHint}`;
  if (statusCode !== 403) return '';
  const scope = service ? linodeTokenScopes[service] : undefined;
  return scope
    ? ` The token may lack the ${scope} scope, or the user the grant to read these resources.`
    : ' The token may lack the read-only scope of this service.';
}

/** Wrap an error of one Linode call so its message names Linode, the service, the call and what to grant. */
export function linodeError(
  error: unknown,
  context: { service: string; call?: string; action?: string },
): DriverError {
  const statusCode = statusCodeOf(error);
  const original = error instanceof Error ? error.message : String(error);
  const where = context.call ? ` (${context.call})` : '';
  const action = context.action ?? `listing ${context.service}`;
  return new DriverError({
    message: `Linode: ${action}${where} failed: ${original}${scopeHint(context.service, statusCode)}`,
    errorClass: classifyError(error),
    service: context.service,
    retryable: DriverError.isInstance(error) ? error.retryable : undefined,
    cause: error,
    ...(statusCode === undefined ? {} : { statusCode }),
  });
}

/** Rethrow what `runSteps` throws when the token was refused, naming the credential to fix. */
export function toLinodeRunError(error: unknown): unknown {
  if (!DriverError.isInstance(error) || error.errorClass !== 'auth') return error;
  const statusCode = error.statusCode ?? statusCodeOf(error.cause);
  const message = error.message.includes(linodeCredentialHint)
    ? error.message
    : `${error.message} ${linodeCredentialHint}`;
  return new DriverError({
    message: message.startsWith('Linode') ? message : `Linode: ${message}`,
    errorClass: 'auth',
    retryable: false,
    cause: error,
    ...(error.service === undefined ? {} : { service: error.service }),
    ...(statusCode === undefined ? {} : { statusCode }),
  });
}
