import { DriverError } from '@cloud-inventory/core';
import { gcpCredentialHint } from './gcp-auth.ts';
import { type GcpApi, gcpApiTitles } from './gcp-endpoints.ts';

/** Reasons Google gives when an API cannot be used in a project at all (not a missing permission). */
const disabledReasons = new Set(['service_disabled', 'accessnotconfigured', 'billing_disabled']);

/**
 * True when a Google error body says the API is not enabled (or billing is off) in the project:
 * `error.details[].reason` of a `google.rpc.ErrorInfo` (`SERVICE_DISABLED`, `BILLING_DISABLED`) or
 * the older `error.errors[].reason` (`accessNotConfigured`).
 */
export function isServiceDisabledBody(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object') return false;
  const reasons: unknown[] = [];
  for (const list of [error.details, error.errors]) {
    if (Array.isArray(list)) for (const entry of list) reasons.push(entry?.reason);
  }
  return reasons.some(
    (reason) => typeof reason === 'string' && disabledReasons.has(reason.toLowerCase()),
  );
}

/** Reasons of the older APIs' 403 answers that are throttles, not refusals (Compute, Storage, BigQuery, DNS). */
const throttleReasons = new Set(['ratelimitexceeded', 'userratelimitexceeded', 'quotaexceeded']);

/** True when a 403 body is a rate limit (`errors[].reason: rateLimitExceeded`), to be retried like a 429. */
export function isRateLimitBody(body: unknown): boolean {
  const errors = (body as { error?: { errors?: unknown } } | undefined)?.error?.errors;
  if (!Array.isArray(errors)) return false;
  return errors.some(
    (entry) => typeof entry?.reason === 'string' && throttleReasons.has(entry.reason.toLowerCase()),
  );
}

/** A `not-enabled` error naming the API and how to enable it. */
export function gcpNotEnabledError(options: {
  api: GcpApi;
  project: string | undefined;
  cause: DriverError;
}): DriverError {
  const { api, project, cause } = options;
  const where = project ? ` in project ${project}` : '';
  return new DriverError({
    message: `The ${gcpApiTitles[api]} (${api}.googleapis.com) is not enabled${where}: enable it (gcloud services enable ${api}.googleapis.com${project ? ` --project ${project}` : ''}) or leave its service out of config.services. ${cause.message}`,
    errorClass: 'not-enabled',
    ...(cause.statusCode === undefined ? {} : { statusCode: cause.statusCode }),
    ...(cause.service === undefined ? {} : { service: cause.service }),
    ...(cause.region === undefined ? {} : { region: cause.region }),
    retryable: false,
    cause,
  });
}

/** A DriverError of class auth saying Google refused the credentials, with what to set. */
export function gcpCredentialError(
  error: DriverError,
  source: string,
  during: string,
): DriverError {
  return new DriverError({
    message: `Google refused the credentials from ${source} while ${during}. Check ${gcpCredentialHint}; the identity needs roles/viewer (or the narrower roles in the driver's README) on each project. ${error.message}`,
    errorClass: 'auth',
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.service === undefined ? {} : { service: error.service }),
    retryable: false,
    cause: error,
  });
}

/** Rethrow what `runSteps` throws, naming the credential source when the credentials were refused. */
export function toGcpError(error: unknown, source: string): unknown {
  if (DriverError.isInstance(error) && error.errorClass === 'auth') {
    if (error.message.startsWith('Could not get a Google access token')) return error;
    return gcpCredentialError(error, source, `listing ${error.service ?? 'the projects'}`);
  }
  return error;
}
