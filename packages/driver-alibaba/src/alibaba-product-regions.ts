import type { InventoryLogger } from '@cloud-inventory/core';
import type { AlibabaApi } from './alibaba-api.ts';
import type { AlibabaProduct } from './alibaba-endpoints.ts';
import { alibabaCredentialError, isAlibabaCredentialError } from './alibaba-errors.ts';
import { listAt } from './alibaba-paging.ts';

/** Products offered in only some regions: their steps go where their own DescribeRegions says. */
export const regionLimitedProducts: readonly AlibabaProduct[] = ['alb', 'nlb'];

/** The region ids of a DescribeRegions body: `Regions: [...]` (ALB, NLB) or `Regions: {Region: [...]}` (ECS). */
export function regionIdsOf(body: unknown): string[] {
  const entries = listAt(body, 'Regions').flatMap((entry) =>
    Array.isArray(entry.Region) ? (entry.Region as Record<string, unknown>[]) : [entry],
  );
  return entries
    .map((entry) => entry.RegionId)
    .filter((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * Where each region-limited product is offered (one DescribeRegions per product). A product whose
 * call fails is left out of the map, so its steps run in every region and fail where it is absent.
 */
export async function offeredRegions(options: {
  api: AlibabaApi;
  products: readonly AlibabaProduct[];
  defaultRegion: string;
  signal: AbortSignal;
  logger: InventoryLogger;
}): Promise<Map<AlibabaProduct, Set<string>>> {
  const offered = new Map<AlibabaProduct, Set<string>>();
  for (const product of options.products) {
    try {
      const body = await options.api.rpc(
        { product, region: options.defaultRegion, service: 'slb', signal: options.signal },
        'DescribeRegions',
        { AcceptLanguage: 'en-US' },
      );
      offered.set(product, new Set(regionIdsOf(body)));
    } catch (error) {
      if (isAlibabaCredentialError(error)) {
        throw alibabaCredentialError(error, `listing the regions of ${product}`);
      }
      options.logger.warn(`${product}:DescribeRegions failed; listing ${product} in every region`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return offered;
}
