import type { CloudResource } from '@cloud-inventory/core';
import type { HttpClient, ResourceEnrichment, StepContext } from '@cloud-inventory/driver-kit';
import { cloudflareGet } from './cloudflare-api.ts';
import { permissionHint } from './cloudflare-permissions.ts';
import type { CloudflareObject } from './cloudflare-resources.ts';

/** What an enrichment needs besides the resource. */
export interface CloudflareEnrichmentContext {
  /** The API client. */
  client: HttpClient;
  /** Account id of the `{account_id}` placeholders. */
  accountId: string;
}

/** Adds fields read by extra calls to a listed resource; failures are kept on the resource. */
export type CloudflareEnricher = (
  resource: CloudResource,
  reads: ResourceEnrichment,
  step: StepContext,
  context: CloudflareEnrichmentContext,
) => Promise<CloudResource>;

function configurationOf(resource: CloudResource): CloudflareObject {
  return (resource.configuration ?? {}) as CloudflareObject;
}

function withFields(resource: CloudResource, fields: CloudflareObject): CloudResource {
  return { ...resource, configuration: { ...configurationOf(resource), ...fields } };
}

// The listed object's own id (the resource id of a zone-scoped object is `<zone>/<id>`).
function ownId(resource: CloudResource): string {
  return String(configurationOf(resource).id ?? resource.resourceId);
}

/**
 * A Workers script: its settings (bindings, limits, placement, observability) and its cron
 * triggers. The script body is never fetched.
 */
export const enrichWorkersScript: CloudflareEnricher = async (resource, reads, step, context) => {
  const name = encodeURIComponent(ownId(resource));
  const base = `/accounts/${context.accountId}/workers/scripts/${name}`;
  const hint = permissionHint(['cloudflare.workers.script']);
  const settingsCall = 'GET /accounts/{account_id}/workers/scripts/{script_name}/settings';
  const schedulesCall = 'GET /accounts/{account_id}/workers/scripts/{script_name}/schedules';
  const [settings, schedules] = await Promise.all([
    reads.read(settingsCall, async () => {
      const body = await cloudflareGet<CloudflareObject>(context.client, {
        path: `${base}/settings`,
        call: settingsCall,
        service: step.service,
        hint,
        signal: step.signal,
      });
      return body.result;
    }),
    reads.read(schedulesCall, async () => {
      const body = await cloudflareGet<{ schedules?: unknown[] }>(context.client, {
        path: `${base}/schedules`,
        call: schedulesCall,
        service: step.service,
        hint,
        signal: step.signal,
      });
      return body.result?.schedules ?? [];
    }),
  ]);
  return withFields(resource, {
    ...(settings === undefined ? {} : { settings }),
    ...(schedules === undefined ? {} : { schedules }),
  });
};

/** A D1 database: the full object (size, tables, read replication), which the list leaves out. */
export const enrichD1Database: CloudflareEnricher = async (resource, reads, step, context) => {
  const call = 'GET /accounts/{account_id}/d1/database/{database_id}';
  const database = await reads.read(call, async () => {
    const body = await cloudflareGet<CloudflareObject>(context.client, {
      path: `/accounts/${context.accountId}/d1/database/${encodeURIComponent(resource.resourceId)}`,
      call,
      service: step.service,
      hint: permissionHint(['cloudflare.d1.database']),
      signal: step.signal,
    });
    return body.result;
  });
  return database ? withFields(resource, database) : resource;
};

/** A zone ruleset: its rules, which the list leaves out. */
export const enrichRuleset: CloudflareEnricher = async (resource, reads, step, context) => {
  const call = 'GET /zones/{zone_id}/rulesets/{ruleset_id}';
  const zoneId = String(resource.metadata?.zoneId ?? '');
  const ruleset = await reads.read(call, async () => {
    const body = await cloudflareGet<CloudflareObject>(context.client, {
      path: `/zones/${zoneId}/rulesets/${encodeURIComponent(ownId(resource))}`,
      call,
      service: step.service,
      hint: permissionHint(['cloudflare.ruleset']),
      signal: step.signal,
    });
    return body.result;
  });
  return ruleset ? withFields(resource, ruleset) : resource;
};

/** Enrichment of each resource type that has one. */
export const cloudflareEnrichers: Readonly<Record<string, CloudflareEnricher>> = {
  'cloudflare.workers.script': enrichWorkersScript,
  'cloudflare.d1.database': enrichD1Database,
  'cloudflare.ruleset': enrichRuleset,
};
