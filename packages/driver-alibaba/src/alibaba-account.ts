import type { InventoryLogger } from '@cloud-inventory/core';
import type { AlibabaApi } from './alibaba-api.ts';
import { alibabaCredentialError, isAlibabaCredentialError } from './alibaba-errors.ts';

/**
 * The account UID of the credentials (STS `GetCallerIdentity`, which needs no permission), recorded
 * on every resource when `config.accountId` is not set; undefined when the call fails otherwise.
 */
export async function callerAccountId(options: {
  api: AlibabaApi;
  defaultRegion: string;
  signal: AbortSignal;
  logger: InventoryLogger;
}): Promise<string | undefined> {
  try {
    const identity = await options.api.rpc<{ AccountId?: unknown }>(
      { product: 'sts', region: options.defaultRegion, service: 'ram', signal: options.signal },
      'GetCallerIdentity',
      {},
    );
    return typeof identity.AccountId === 'string' && identity.AccountId !== ''
      ? identity.AccountId
      : undefined;
  } catch (error) {
    if (isAlibabaCredentialError(error))
      throw alibabaCredentialError(error, 'reading the caller identity (sts:GetCallerIdentity)');
    options.logger.warn(
      'sts:GetCallerIdentity failed; recording the account as "alibaba" (set config.accountId)',
      {
        error: error instanceof Error ? error.message : String(error),
      },
    );
    return undefined;
  }
}
