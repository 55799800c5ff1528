import { DriverError, type InventoryLogger } from '@cloud-inventory/core';
import type { AlibabaApi } from './alibaba-api.ts';
import {
  alibabaCredentialError,
  classifyAlibabaError,
  isAlibabaCredentialError,
} from './alibaba-errors.ts';
import { regionIdsOf } from './alibaba-product-regions.ts';

/**
 * The regions to list: ECS `DescribeRegions` (every region the account can use). It is also the
 * credential check, sent before anything else: a refused key fails the cloud with one message.
 * Without the permission, `config.regions` (if given) is used, with a warning.
 */
export async function listAlibabaRegions(options: {
  api: AlibabaApi;
  defaultRegion: string;
  configured: readonly string[] | undefined;
  signal: AbortSignal;
  logger: InventoryLogger;
}): Promise<{ regions: string[]; strict: boolean }> {
  try {
    const body = await options.api.rpc<Record<string, unknown>>(
      { product: 'ecs', region: options.defaultRegion, service: 'ecs', signal: options.signal },
      'DescribeRegions',
      { AcceptLanguage: 'en-US' },
    );
    return { regions: regionIdsOf(body), strict: true };
  } catch (error) {
    if (isAlibabaCredentialError(error))
      throw alibabaCredentialError(error, 'listing the regions (ecs:DescribeRegions)');
    const configured = (options.configured ?? []).filter((region) => !region.includes('*'));
    const errorClass = classifyAlibabaError(error);
    if (errorClass !== 'auth' || configured.length === 0) {
      throw new DriverError({
        message: `Listing the regions (ecs:DescribeRegions) failed: ${error instanceof Error ? error.message : String(error)}`,
        errorClass,
        cause: error,
      });
    }
    options.logger.warn('ecs:DescribeRegions was denied; listing config.regions as given', {
      error: error instanceof Error ? error.message : String(error),
    });
    return { regions: configured, strict: false };
  }
}
