import type { CloudResource } from '@cloud-inventory/core';
import type { StepContext } from '@cloud-inventory/driver-kit';
import type { AlibabaCallTarget } from './alibaba-api.ts';
import { type AlibabaListingSettings, alibabaResource } from './alibaba-listing.ts';
import { listAt, paginateAlibaba } from './alibaba-paging.ts';

/** RAM actions of the record listing: the domains, then each domain's records. */
export const dnsRecordsCall = 'alidns:DescribeDomains + alidns:DescribeDomainRecords';

/**
 * Every record of every Alidns domain (`DescribeDomainRecords`, PageNumber/PageSize). Its own step,
 * so a denied record call leaves the domains complete.
 */
export async function* dnsRecordResources(
  settings: AlibabaListingSettings,
  context: StepContext,
): AsyncGenerator<CloudResource> {
  const target: AlibabaCallTarget = {
    product: 'alidns',
    region: 'global',
    service: 'dns',
    signal: context.signal,
  };
  const domains = paginateAlibaba({
    paging: { style: 'page', maximumPageSize: 100 },
    pageSize: settings.pageSize,
    signal: context.signal,
    label: 'alidns:DescribeDomains',
    items: (body) => listAt(body, 'Domains', 'Domain'),
    fetch: (paging) => settings.api.rpc(target, 'DescribeDomains', paging),
  });
  for await (const domain of domains) {
    const domainName = domain.DomainName;
    if (typeof domainName !== 'string') continue;
    const records = paginateAlibaba({
      paging: { style: 'page', maximumPageSize: 500 },
      pageSize: settings.pageSize,
      signal: context.signal,
      label: 'alidns:DescribeDomainRecords',
      items: (body) => listAt(body, 'DomainRecords', 'Record'),
      fetch: (paging) =>
        settings.api.rpc(target, 'DescribeDomainRecords', { DomainName: domainName, ...paging }),
    });
    for await (const record of records) {
      if (typeof record.RecordId !== 'string') continue;
      const host = typeof record.RR === 'string' ? record.RR : '@';
      yield alibabaResource({
        accountId: settings.accountId,
        region: 'global',
        service: 'dns',
        resourceType: 'alibaba.dns.record',
        resourceId: record.RecordId,
        name: `${host}.${domainName} ${String(record.Type ?? '')}`.trim(),
        item: record,
      });
    }
  }
}
