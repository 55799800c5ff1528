import type { MockBuildContext, MockIdentityContext } from '../mock-provider-definition.ts';
import { ownershipTags } from './mock-shared.ts';

/** Short region keys used inside OCIDs. */
export const regionKeys: Record<string, string> = {
  'us-ashburn-1': 'iad',
  'us-phoenix-1': 'phx',
  'eu-frankfurt-1': 'fra',
  'uk-london-1': 'lhr',
  'ap-tokyo-1': 'nrt',
};

/** An OCID: `ocid1.<type>.oc1.<region key>.<unique>` (regional) or `ocid1.<type>.oc1..<unique>`. */
export function ocid(context: MockIdentityContext, resourceType: string): string {
  const region = context.region === 'global' ? '' : (regionKeys[context.region] ?? context.region);
  return `ocid1.${resourceType}.oc1.${region}.aaaaaaaa${context.uniqueHex(52)}`;
}

/** Freeform tags of a mock OCI resource. */
export function freeformTags(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return {
    Environment: tags.environment,
    Team: tags.team,
    CostCenter: tags.costCenter,
    Owner: tags.owner,
  };
}

/** The tenancy's Object Storage namespace (one per tenancy). */
export function namespaceOf(tenancy: string): string {
  return `ax${tenancy.replace(/[^a-z0-9]/g, '').slice(-10)}`;
}

/** The compartment a mock resource lives in (a listed compartment, or the tenancy). */
export function compartmentOf(context: MockBuildContext): string {
  return context.reference('oracle.identity.compartment', 'compartment')?.id ?? context.accountId;
}

/** An availability domain of the context's region. */
export function availabilityDomain(context: MockBuildContext): string {
  return `Uocm:${context.region.toUpperCase()}-AD-${context.integer(1, 3, 'ad')}`;
}
