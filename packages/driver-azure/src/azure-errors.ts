import { DriverError } from '@cloud-inventory/core';
import { statusCodeOf } from '@cloud-inventory/driver-kit';
import { classifyAzureError } from './azure-error-classes.ts';
import { azureEnvironmentVariables } from './azure-options.ts';
import type { AzureErrorWithArmMessage } from './azure-paging.ts';

function armCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return (error as AzureErrorWithArmMessage | null)?.armError?.code;
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const armMessage = (error as AzureErrorWithArmMessage | null)?.armError?.message;
  return armMessage && !message.includes(armMessage) ? `${armMessage} (${message})` : message;
}

/** A resource provider that is not registered in a subscription: class `not-enabled`, naming the provider to register. */
export class AzureProviderNotRegisteredError extends DriverError {
  /** Resource provider namespace (`Microsoft.ContainerService`). */
  readonly provider: string;
  /** Subscription it is not registered in. */
  readonly subscriptionId: string;

  constructor(options: {
    provider: string;
    subscriptionId: string;
    service: string;
    cause: unknown;
  }) {
    // NOTE: the name stays DriverError, which DriverError.isInstance (and the engine) look for.
    super({
      message: `Resource provider ${options.provider} is not registered in subscription ${options.subscriptionId}, so ${options.service} cannot be listed there. Register it (az provider register --namespace ${options.provider} --subscription ${options.subscriptionId}) or leave ${options.service} out of config.services. ${messageOf(options.cause)}`,
      errorClass: 'not-enabled',
      ...(statusCodeOf(options.cause) === undefined
        ? {}
        : { statusCode: statusCodeOf(options.cause)! }),
      service: options.service,
      retryable: false,
      cause: options.cause,
    });
    this.provider = options.provider;
    this.subscriptionId = options.subscriptionId;
  }
}

/** The credential can list no (readable) subscription and none is configured: class `auth`, nothing listed or deleted. */
export class AzureNoSubscriptionError extends DriverError {
  constructor() {
    super({
      message: `The Azure credential can list no enabled subscription, and none is configured. Grant it the Reader role on the subscriptions to inventory, or name them in credentials.subscriptionId (${azureEnvironmentVariables.subscriptionId}) or config.subscriptionIds.`,
      errorClass: 'auth',
      retryable: false,
    });
  }
}

/** What a failing Azure list call becomes: a not-registered provider named, anything else classified with the call named. */
export function toAzureStepError(
  error: unknown,
  context: { provider: string; subscriptionId: string; service: string; call: string },
): unknown {
  if (DriverError.isInstance(error)) return error;
  const code = armCode(error);
  if (code === 'MissingSubscriptionRegistration' || code === 'SubscriptionNotRegistered') {
    return new AzureProviderNotRegisteredError({ ...context, cause: error });
  }
  const errorClass = classifyAzureError(error);
  const statusCode = statusCodeOf(error);
  const hint =
    errorClass === 'auth' && statusCode === 403
      ? ' Grant the Reader role (or this call\'s "read" action) on the subscription.'
      : '';
  return new DriverError({
    message: `Azure ${context.call} failed in subscription ${context.subscriptionId} (${errorClass}${code ? `, ${code}` : ''}): ${messageOf(error)}${hint}`,
    errorClass,
    ...(statusCode === undefined ? {} : { statusCode }),
    service: context.service,
    cause: error,
  });
}

/** A DriverError of class `auth` that says Azure refused the credentials, and which fields or variables to check. */
export function azureCredentialError(error: unknown, during: string): DriverError {
  const statusCode = statusCodeOf(error);
  return new DriverError({
    message: `Azure refused the credentials while ${during}. Check credentials.accessToken (a current ARM token), or the service principal in credentials.tenantId, credentials.clientId and credentials.clientSecret (or ${azureEnvironmentVariables.tenantId}, ${azureEnvironmentVariables.clientId}, ${azureEnvironmentVariables.clientSecret}), or what DefaultAzureCredential finds (az login, managed identity). ${messageOf(error)}`,
    errorClass: 'auth',
    ...(statusCode === undefined ? {} : { statusCode }),
    retryable: false,
    cause: error,
  });
}

/** Rethrow what `runSteps` throws, naming the credential fields when the credentials were refused. */
export function toAzureError(error: unknown): unknown {
  if (DriverError.isInstance(error) && error.errorClass === 'auth') {
    return azureCredentialError(error, `listing ${error.service ?? 'the subscription'}`);
  }
  return error;
}
