import type { OracleListDefinition } from './oracle-listing.ts';

/**
 * Users, groups and policies: identity is global, so each is listed once (through the identity
 * region) as region `global`. Users and groups live in the tenancy; policies in any compartment.
 * Compartments themselves come from the compartment tree (see oracle-steps.ts).
 */
export const oracleIdentityDefinitions: OracleListDefinition[] = [
  {
    service: 'identity',
    type: 'oracle.identity.user',
    call: 'ListUsers',
    scope: 'global',
    compartments: 'tenancy',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('identity', region).listUsers({ compartmentId, page, limit })),
  },
  {
    service: 'identity',
    type: 'oracle.identity.group',
    call: 'ListGroups',
    scope: 'global',
    compartments: 'tenancy',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('identity', region).listGroups({ compartmentId, page, limit })),
  },
  {
    service: 'identity',
    type: 'oracle.identity.policy',
    call: 'ListPolicies',
    scope: 'global',
    compartments: 'each',
    page: ({ clients, region, run }, { compartmentId, page, limit }) =>
      run(() => clients.get('identity', region).listPolicies({ compartmentId, page, limit })),
  },
];
