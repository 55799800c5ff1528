import { DriverError, type ErrorClass } from '@cloud-inventory/core';
import { classifyError, statusCodeOf } from '@cloud-inventory/driver-kit';

/** Where an SDK error happened: recorded by the driver's middleware, read when the error is reported. */
export interface AwsCallSite {
  /** Catalog service of the client. */
  service: string;
  /** Region of the client. */
  region: string;
  /** SDK operation, e.g. `DescribeInstances`. */
  operation?: string;
}

const callSites = new WeakMap<object, AwsCallSite>();

/** Remember which call raised `error` (the SDK's errors do not say). */
export function recordCallSite(error: unknown, site: AwsCallSite): void {
  if (typeof error === 'object' && error !== null && !callSites.has(error)) {
    callSites.set(error, site);
  }
}

/** The call that raised `error`, when the driver's middleware saw it. */
export function callSiteOf(error: unknown): AwsCallSite | undefined {
  return typeof error === 'object' && error !== null ? callSites.get(error) : undefined;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, unknown>;
  for (const candidate of [record.Code, record.code, record.name]) {
    if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error') {
      return candidate;
    }
  }
  return undefined;
}

// NOTE: AWS gives a service no DNS name in a region that does not offer it, so
// ENOTFOUND <service>.<region>.amazonaws.com(.cn) means "not offered there", not a network failure.
// That reading holds for AWS endpoints only; any other unresolvable host stays `network`.
const awsEndpointHost = /amazonaws\.com(\.cn)?$/;

/** The error class of an AWS SDK error: the kit's `classifyError`, plus `not-enabled` for a service with no endpoint in the region. */
export function classifyAwsError(error: unknown): ErrorClass {
  if (DriverError.isInstance(error)) return error.errorClass;
  const record = error as { code?: unknown; hostname?: unknown; message?: unknown } | undefined;
  if (
    record?.code === 'ENOTFOUND' &&
    awsEndpointHost.test(String(record.hostname ?? record.message ?? ''))
  ) {
    return 'not-enabled';
  }
  return classifyError(error);
}

const advice: Record<ErrorClass, string> = {
  auth: 'Grant the read-only permissions listed in the driver README (the AWS managed ReadOnlyAccess policy covers them), or leave the service out with config.services or discovery.exclude.',
  throttled:
    'AWS kept throttling after every retry; lower discovery.concurrency or config.detailConcurrency, or raise config.maxAttempts.',
  'not-enabled':
    'The service or region is not enabled for this account (opt-in region, service not offered there); leave it out with config.regions or discovery.exclude.',
  server: 'AWS answered with a server error; the next sync will try again.',
  network:
    'The endpoint could not be reached; check the network, proxy and config.endpoint, or raise config.requestTimeoutMs.',
  unknown: 'See the cause for details.',
};

function providerMessage(error: unknown): string {
  if (error instanceof Error) {
    // The SDK explains unparseable bodies at length; the first line says what matters.
    return error.message.split('\n')[0]!.trim();
  }
  return String(error);
}

/** Wrap an SDK error in a DriverError whose message names the call, the region, the AWS error code and what to do. */
export function toAwsDriverError(
  error: unknown,
  context: { service: string; region: string; cloudId?: string; driver?: string },
): DriverError {
  if (DriverError.isInstance(error)) return error;
  const site = callSiteOf(error);
  const errorClass = classifyAwsError(error);
  const statusCode = statusCodeOf(error);
  const code = errorCode(error);
  const operation = site?.operation ? ` ${site.operation}` : '';
  const where = context.region === 'global' ? 'global' : context.region;
  const details = [code, statusCode !== undefined ? `HTTP ${statusCode}` : undefined]
    .filter(Boolean)
    .join(', ');
  return new DriverError({
    message: `AWS ${context.service}${operation} (${where}) failed${details ? ` with ${details}` : ''}: ${providerMessage(error)}. ${advice[errorClass]}`,
    errorClass,
    service: context.service,
    region: context.region,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(context.cloudId !== undefined ? { cloudId: context.cloudId } : {}),
    ...(context.driver !== undefined ? { driver: context.driver } : {}),
    cause: error,
  });
}

/**
 * A failed per-resource read as a DriverError with a short message (call, AWS error code, HTTP
 * status and AWS's own text, which names the missing permission where AWS does), no advice.
 */
export function toAwsReadError(
  error: unknown,
  context: { service: string; region: string },
): DriverError {
  if (DriverError.isInstance(error)) return error;
  const site = callSiteOf(error);
  const statusCode = statusCodeOf(error);
  const details = [errorCode(error), statusCode !== undefined ? `HTTP ${statusCode}` : undefined]
    .filter(Boolean)
    .join(', ');
  return new DriverError({
    message: `${site?.operation ?? 'call'} failed${details ? ` with ${details}` : ''}: ${providerMessage(error)}`,
    errorClass: classifyAwsError(error),
    service: context.service,
    region: context.region,
    ...(statusCode !== undefined ? { statusCode } : {}),
    cause: error,
  });
}

/** True when an error means the thing asked about does not exist (or has no such configuration). */
export function isNotFound(error: unknown, codes: readonly string[]): boolean {
  const code = errorCode(error);
  return (code !== undefined && codes.includes(code)) || statusCodeOf(error) === 404;
}
