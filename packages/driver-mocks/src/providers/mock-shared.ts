import type { MockBuildContext, MockIdentityContext } from '../mock-provider-definition.ts';

/** Environments; the same salt as `label()` so names and tags agree. */
export const environments = ['prod', 'staging', 'dev'] as const;
/** Team names used in tags and labels. */
export const teams = ['payments', 'platform', 'data', 'identity', 'search', 'growth'] as const;
/** Cost centres used in tags. */
export const costCenters = ['cc-1001', 'cc-1042', 'cc-2310', 'cc-4800'] as const;
/** Owners; the drifting tag value. */
export const owners = ['alice', 'bruno', 'chen', 'dara', 'emeka', 'fatima', 'goran'] as const;

/** The environment a resource's `label()` name carries. */
export function environmentOf(context: MockIdentityContext): string {
  return context.pick(environments, 'label.environment');
}

/** Common ownership tags; `owner` drifts with `attribute`. */
export function ownershipTags(
  context: MockBuildContext,
  attribute: number,
): { environment: string; team: string; costCenter: string; owner: string } {
  return {
    environment: environmentOf(context),
    team: context.pick(teams, 'tag.team'),
    costCenter: context.pick(costCenters, 'tag.cost-center'),
    owner: context.pickDrifting(owners, 'tag.owner', attribute),
  };
}

/** AWS style `Tags: [{ Key, Value }]` from a record. */
export function keyValueList(
  tags: Record<string, string>,
  keyName = 'Key',
  valueName = 'Value',
): Array<Record<string, string>> {
  return Object.entries(tags).map(([key, value]) => ({ [keyName]: key, [valueName]: value }));
}

/** A private IPv4 address in 10.0.0.0/8 stable for the resource. */
export function privateIp(context: MockIdentityContext, salt = 'ip.private'): string {
  return `10.${context.integer(0, 255, `${salt}.b`)}.${context.integer(0, 255, `${salt}.c`)}.${context.integer(4, 250, `${salt}.d`)}`;
}

/** A public IPv4 address in a documentation-like range, stable for the resource. */
export function publicIp(context: MockIdentityContext, salt = 'ip.public'): string {
  return `${context.pick(['203.0.113', '198.51.100', '192.0.2'], `${salt}.net`)}.${context.integer(1, 254, `${salt}.host`)}`;
}

/** A UUID (version 4 layout) stable for the resource and salt. */
export function uuid(context: MockIdentityContext, salt: string): string {
  const hex = context.hex(32, salt);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A UUID whose first 8 characters are unique per index. */
export function uniqueUuid(context: MockIdentityContext): string {
  const hex = context.uniqueHex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A password-looking string (fixtures only, so the engine's redaction has something to hide). */
export function fakePassword(context: MockBuildContext, salt: string, attribute?: number): string {
  const rotation = attribute === undefined ? 0 : context.drift(attribute);
  return `Pw-${context.hex(12, `${salt}.${rotation}`)}!`;
}
