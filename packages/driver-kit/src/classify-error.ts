import { DriverError, type ErrorClass } from '@cloud-inventory/core';

/** Node and undici error codes that mean the connection failed or timed out. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPROTO',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** SDK error names (AWS, Azure, OCI) meaning the caller is throttled. */
const throttledNames = new Set([
  'throttling',
  'throttlingexception',
  'throttled',
  'throttledexception',
  'toomanyrequests',
  'toomanyrequestsexception',
  'requestlimitexceeded',
  'requestthrottled',
  'requestthrottledexception',
  'slowdown',
  'provisionedthroughputexceededexception',
  'bandwidthlimitexceeded',
  'limitexceededexception',
  'ratelimitexceeded',
  'priorrequestnotcomplete',
  // AWS Lambda: EC2 throttled the function's network setup.
  'ec2throttledexception',
]);

/** SDK error names meaning the credentials were rejected (not merely lacking a permission). */
const credentialNames = new Set([
  'unauthorized',
  'unauthorizedexception',
  'authfailure',
  'invalidclienttokenid',
  'unrecognizedclientexception',
  'invalidaccesskeyid',
  'signaturedoesnotmatch',
  'invalidsignatureexception',
  'incompletesignature',
  'expiredtoken',
  'expiredtokenexception',
  'tokenrefreshrequired',
  'invalidtoken',
  'notauthenticated',
  'invalidauthenticationtoken',
  'expiredauthenticationtoken',
  'credentialsprovidererror',
  'credentialunavailableerror',
  'authenticationerror',
  'authenticationrequirederror',
]);

/** SDK error names meaning the caller lacks a permission. */
const permissionNames = new Set([
  'accessdenied',
  'accessdeniedexception',
  'unauthorizedoperation',
  'authorizationfailed',
  'authorizationerror',
  'authorizationerrorexception',
  'forbidden',
  'forbiddenexception',
  'notauthorizedornotfound',
  'notauthorized',
  'permissiondenied',
]);

/**
 * SDK error names of class auth that say the request was not (or no longer) signed properly, not
 * that the credentials were refused: clock skew, a missing signature.
 */
const unsignedRequestNames = new Set([
  'requestexpired',
  'missingauthenticationtoken',
  'missingauthenticationtokenexception',
]);

/** SDK error names meaning the service or region is not enabled for the account. */
const notEnabledNames = new Set([
  'optinrequired',
  'subscriptionrequiredexception',
  'missingsubscriptionregistration',
  'subscriptionnotregistered',
  'servicedisabled',
  'invalidregion',
  'unsupportedoperation',
  'notsignedup',
  'regiondisabledexception',
  // AWS: an action or service the region's endpoint does not know (not offered there).
  'invalidaction',
  'unknownoperationexception',
  'unrecognizedserviceexception',
]);

/** SDK error names meaning the provider failed. */
const serverNames = new Set([
  'internalerror',
  'internalfailure',
  'internalservererror',
  'internalserverexception',
  'serviceunavailable',
  'serviceunavailableexception',
  'serviceexception',
  'unavailable',
  'backendfailure',
]);

/** SDK error names meaning the connection failed or timed out. */
const networkNames = new Set([
  'timeouterror',
  'aborterror',
  'requesttimeout',
  'requesttimeoutexception',
  'networkingerror',
  'connecttimeouterror',
  'headerstimeouterror',
  'bodytimeouterror',
  'socketerror',
  'fetcherror',
]);

/** gRPC status codes (GCP client libraries) mapped to error classes. */
const grpcCodes: Record<number, ErrorClass> = {
  1: 'network', // CANCELLED
  4: 'network', // DEADLINE_EXCEEDED
  7: 'auth', // PERMISSION_DENIED
  8: 'throttled', // RESOURCE_EXHAUSTED
  12: 'not-enabled', // UNIMPLEMENTED
  13: 'server', // INTERNAL
  14: 'server', // UNAVAILABLE
  15: 'server', // DATA_LOSS
  16: 'auth', // UNAUTHENTICATED
};

/** Messages providers use when an API or region is not enabled for the account or project. */
const notEnabledMessage =
  /(has not been used in project|is disabled|SERVICE_DISABLED|not subscribed|OptInRequired|is not enabled|not enabled for|subscription.*not registered)/i;

/** The error class of an HTTP status: 401/403 auth, 429 throttled, 5xx server, 408 network, else unknown. */
export function errorClassForStatus(status: number): ErrorClass {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'throttled';
  if (status === 408) return 'network';
  if (status >= 500 && status <= 599) return 'server';
  return 'unknown';
}

/** The HTTP status carried by an error of any common shape (fetch, AWS, Azure, GCP, axios), if any. */
export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, any>;
  const candidates = [
    record.statusCode,
    record.status,
    record.$metadata?.httpStatusCode,
    record.response?.status,
    record.response?.statusCode,
    record.$response?.statusCode,
  ];
  for (const candidate of candidates) {
    const number = typeof candidate === 'string' ? Number(candidate) : candidate;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 100 && number <= 599) {
      return number;
    }
  }
  return undefined;
}

function normalizedName(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
}

function classifyByName(name: string | undefined): ErrorClass | undefined {
  if (!name) return undefined;
  const stripped = name
    .toLowerCase()
    .replace(/^(aws\.|client\.)/, '')
    .replace(/[^a-z0-9]/g, '');
  if (throttledNames.has(stripped)) return 'throttled';
  if (
    credentialNames.has(stripped) ||
    permissionNames.has(stripped) ||
    unsignedRequestNames.has(stripped)
  ) {
    return 'auth';
  }
  if (stripped.startsWith('accessdenied') || stripped.startsWith('unauthorizedaccess')) {
    return 'auth';
  }
  if (notEnabledNames.has(stripped)) return 'not-enabled';
  if (serverNames.has(stripped)) return 'server';
  if (networkNames.has(stripped) || stripped.startsWith('underr')) return 'network';
  return undefined;
}

// Walks `error`, then `error.cause` (fetch wraps the socket error there), a few levels deep.
function* causeChain(error: unknown): Generator<Record<string, any>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    yield current as Record<string, any>;
    current = (current as { cause?: unknown }).cause;
  }
}

/** Classify any error a driver meets into core's error classes (auth, throttled, not-enabled, server, network, unknown). */
export function classifyError(error: unknown): ErrorClass {
  if (DriverError.isInstance(error)) return error.errorClass;
  for (const link of causeChain(error)) {
    if (DriverError.isInstance(link)) return link.errorClass;
    const code = link.code;
    if (typeof code === 'string') {
      const upper = code.toUpperCase();
      if (networkErrorCodes.has(upper) || upper.startsWith('UND_ERR')) return 'network';
      const byCode = classifyByName(code);
      if (byCode) return byCode;
    }
    const byName =
      classifyByName(normalizedName(link.name)) ??
      classifyByName(normalizedName(link.Code)) ??
      classifyByName(normalizedName(link.errorCode)) ??
      classifyByName(normalizedName(link.serviceCode)) ??
      classifyByName(normalizedName(link.reason));
    const message = typeof link.message === 'string' ? link.message : '';
    if (byName === 'auth' || byName === undefined) {
      // GCP answers 403 PERMISSION_DENIED when an API is merely disabled in the project.
      if (notEnabledMessage.test(message) || notEnabledMessage.test(String(link.reason ?? ''))) {
        return 'not-enabled';
      }
    }
    if (byName) return byName;
    const status = statusCodeOf(link);
    if (status !== undefined) {
      const byStatus = errorClassForStatus(status);
      if (byStatus !== 'unknown') return byStatus;
    }
    if (typeof code === 'number' && code >= 0 && code < 100) {
      const byGrpc = grpcCodes[code];
      if (byGrpc) return byGrpc;
    }
    if (/socket hang up|fetch failed|other side closed|network (error|socket)/i.test(message)) {
      return 'network';
    }
    if (status !== undefined) return 'unknown';
  }
  return 'unknown';
}

/** True when an error says the credentials themselves were rejected (401, InvalidClientTokenId, ExpiredToken...), not a missing permission. */
export function isCredentialError(error: unknown): boolean {
  if (classifyError(error) !== 'auth') return false;
  for (const link of causeChain(error)) {
    if (statusCodeOf(link) === 401) return true;
    for (const value of [link.name, link.code, link.Code, link.errorCode]) {
      const name = normalizedName(value)?.replace(/[^a-z0-9]/g, '');
      if (name && credentialNames.has(name)) return true;
    }
    if (typeof link.code === 'number' && link.code === 16) return true;
  }
  return false;
}

/** Wrap any error into core's DriverError with its class, keeping the original as `cause`. */
export function toDriverError(
  error: unknown,
  context: {
    message?: string;
    service?: string;
    region?: string;
    driver?: string;
    cloudId?: string;
  } = {},
): DriverError {
  if (DriverError.isInstance(error)) return error;
  const errorClass = classifyError(error);
  const original = error instanceof Error ? error.message : String(error);
  const where = [context.service, context.region].filter(Boolean).join(' in ');
  const prefix = context.message ?? (where ? `Listing ${where} failed` : 'Provider call failed');
  return new DriverError({
    message: `${prefix} (${errorClass}): ${original}`,
    errorClass,
    statusCode: statusCodeOf(error),
    service: context.service,
    region: context.region,
    driver: context.driver,
    cloudId: context.cloudId,
    cause: error,
  });
}
