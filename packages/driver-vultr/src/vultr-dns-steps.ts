import type { CloudResource } from '@cloud-inventory/core';
import type { ListStep } from '@cloud-inventory/driver-kit';
import { collectVultr, listVultr, type VultrObject } from './vultr-list.ts';
import { stringField, type VultrRunContext, vultrResource } from './vultr-resource.ts';

/** The DNS domains of the account, read once per run. */
function domains(context: VultrRunContext, signal: AbortSignal) {
  return context.shared.get('dns-domains', () =>
    collectVultr(context.client, {
      path: '/domains',
      key: 'domains',
      perPage: context.perPage,
      service: 'dns',
      signal,
    }),
  );
}

async function* listDomains(
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  for (const domain of await domains(context, signal)) {
    yield vultrResource(context, {
      service: 'dns',
      resourceType: 'vultr.dns.domain',
      id: stringField(domain, 'domain'),
      name: stringField(domain, 'domain'),
      configuration: domain,
    });
  }
}

/** A record's name: its type and host (`@` for the apex, where Vultr's `name` is empty). */
function recordName(record: VultrObject): string {
  return `${record.type} ${stringField(record, 'name') ?? '@'}`;
}

async function* listRecords(
  context: VultrRunContext,
  signal: AbortSignal,
): AsyncGenerator<CloudResource> {
  for (const domain of await domains(context, signal)) {
    const name = stringField(domain, 'domain');
    if (!name) continue;
    const records = listVultr(context.client, {
      path: `/domains/${encodeURIComponent(name)}/records`,
      key: 'records',
      perPage: context.perPage,
      service: 'dns',
      signal,
    });
    for await (const record of records) {
      yield vultrResource(context, {
        service: 'dns',
        resourceType: 'vultr.dns.record',
        id: `${name}/${record.id}`,
        name: recordName(record),
        configuration: record,
        metadata: { domain: name },
      });
    }
  }
}

/**
 * Domains and their records, as two steps: a denied or failing records call fails the records
 * (nothing of them is deleted) while the domains are still listed and complete.
 */
export function vultrDnsSteps(context: VultrRunContext): ListStep[] {
  return [
    {
      service: 'dns',
      resourceTypes: ['vultr.dns.domain'],
      call: 'GET /v2/domains',
      list: ({ signal }) => listDomains(context, signal),
    },
    {
      service: 'dns',
      resourceTypes: ['vultr.dns.record'],
      call: 'GET /v2/domains, GET /v2/domains/{dns-domain}/records',
      list: ({ signal }) => listRecords(context, signal),
    },
  ];
}
