import type { CloudResource, EnrichmentError, ScopeReport } from '@cloud-inventory/core';
import { ConformanceError, check, identityOf } from './conformance-checks.ts';
import type { ConformanceContext } from './conformance-options.ts';
import type { FaultOptions } from './fake-faults.ts';
import type { FakeProviderServer } from './fake-provider-server.ts';

/**
 * The least-privilege check: one list call and (optionally) one per-resource read denied for a
 * whole run, the way a narrow read-only role denies them. Everything else must still be found.
 */
export interface ConformanceDenial {
  /**
   * A fault denying one list call, in the provider's own error shape (`{ path:
   * '/v2/registry/:name/repositoriesV2', status: 403, body: { id: 'forbidden', message } }`).
   * It hits every request it matches (`times` defaults to Infinity).
   */
  listFault: FaultOptions;
  /** The resource types that call lists: their scopes fail with class `auth`, naming a `call`. */
  expectDeniedTypes: string[];
  /** A fault denying one per-resource read (tags, firewall rules, versioning of a bucket). */
  enrichmentFault?: FaultOptions;
  /** The `call` that read is recorded under in `metadata.enrichmentErrors` and on its scope. */
  expectEnrichmentCall?: string;
  /** Driver config of both runs (e.g. a few services, to keep the check fast). @default {} */
  config?: Record<string, unknown>;
}

interface DenialRun {
  resources: CloudResource[];
  scopes: ScopeReport[];
}

const covers = (scope: ScopeReport, types: readonly string[]) =>
  scope.resourceTypes === undefined || scope.resourceTypes.some((type) => types.includes(type));

const describeScope = (scope: ScopeReport) =>
  `${scope.service}@${scope.region} [${scope.resourceTypes?.join(', ') ?? 'every type'}] ${scope.status}${scope.errorClass ? ` ${scope.errorClass}` : ''}`;

function enrichmentErrorsOf(resource: CloudResource): EnrichmentError[] {
  const errors = resource.metadata?.enrichmentErrors;
  return Array.isArray(errors) ? (errors as EnrichmentError[]) : [];
}

/** The list denial: only the denied types fail, each failed scope names its call, nothing else is lost. */
export function checkListDenial(
  denial: ConformanceDenial,
  baseline: DenialRun,
  denied: DenialRun,
): void {
  const deniedTypes = denial.expectDeniedTypes;
  check(
    baseline.resources.some((resource) => deniedTypes.includes(resource.resourceType)),
    () =>
      `the fixtures produce no resource of the denied types ${deniedTypes.join(', ')}: the denial would prove nothing.`,
  );
  const failed = denied.scopes.filter((scope) => scope.status !== 'complete');
  check(
    failed.some((scope) => scope.status === 'failed' && covers(scope, deniedTypes)),
    () =>
      `no scope of ${deniedTypes.join(', ')} was reported failed although its list call was denied; reported: ${denied.scopes.map(describeScope).join('; ')}.`,
  );
  for (const scope of failed) {
    check(
      scope.resourceTypes?.every((type) => deniedTypes.includes(type)) === true,
      () =>
        `a denied list call of ${deniedTypes.join(', ')} took other types down with it: ${describeScope(scope)}. List each type (or each list call) in a step of its own (runSteps).`,
    );
    check(
      scope.errorClass === 'auth',
      () => `a denied list call should fail its scope with class auth: ${describeScope(scope)}.`,
    );
    check(
      typeof scope.call === 'string' && scope.call !== '',
      () =>
        `the failed scope ${describeScope(scope)} does not name its call; set the step's \`call\` so the user knows what to grant.`,
    );
  }
  const present = new Set(denied.resources.map(identityOf));
  const lost = baseline.resources
    .filter((resource) => !deniedTypes.includes(resource.resourceType))
    .map(identityOf)
    .filter((identity) => !present.has(identity));
  check(
    lost.length === 0,
    () =>
      `with one list call denied, resources of other types were lost: ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ` and ${lost.length - 5} more` : ''}.`,
  );
}

/** The enrichment denial: every resource kept, the failure on some of them and on a complete scope. */
export function checkEnrichmentDenial(
  denial: ConformanceDenial,
  baseline: DenialRun,
  denied: DenialRun,
): void {
  const call = denial.expectEnrichmentCall;
  check(call, 'denial.enrichmentFault needs denial.expectEnrichmentCall.');
  const marked = denied.resources.filter((resource) =>
    enrichmentErrorsOf(resource).some(
      (error) => error.call === call && error.errorClass === 'auth',
    ),
  );
  check(
    marked.length > 0,
    () =>
      `no resource carries metadata.enrichmentErrors for the denied read "${call}" (class auth); read it through reads.read('${call}', ...) in the step's enrich.`,
  );
  const baselineIds = new Set(baseline.resources.map(identityOf));
  const strays = marked.filter((resource) => !baselineIds.has(identityOf(resource)));
  check(strays.length === 0, () => `unexpected resources: ${strays.map(identityOf).join(', ')}.`);
  check(
    denied.scopes.some(
      (scope) =>
        scope.status === 'complete' &&
        (scope.enrichmentErrors ?? []).some((summary) => summary.call === call),
    ),
    () =>
      `no complete scope summarizes the denied read "${call}" in enrichmentErrors; a failed read must not fail its scope.`,
  );
  for (const resource of marked) {
    check(
      !denied.scopes.some(
        (scope) =>
          scope.status === 'failed' &&
          scope.service === resource.service &&
          (scope.resourceTypes ?? [resource.resourceType]).includes(resource.resourceType),
      ),
      () => `the denied read "${call}" failed the scope of ${identityOf(resource)}.`,
    );
  }
}

/** Run the driver undisturbed, then with the denials injected, and check both denials. */
export async function runDenialCheck(
  denial: ConformanceDenial,
  server: FakeProviderServer,
  runDriver: ConformanceContext<unknown>['runDriver'],
): Promise<void> {
  const config = denial.config ?? {};
  const baseline = await runDriver(server, { config });
  server.reset();
  for (const fault of [denial.listFault, denial.enrichmentFault]) {
    if (fault) server.injectFault({ times: Number.POSITIVE_INFINITY, ...fault });
  }
  let denied: Awaited<ReturnType<typeof runDriver>>;
  try {
    denied = await runDriver(server, { config });
  } catch (error) {
    throw new ConformanceError(
      `the run failed when one list call was denied (a least-privilege role must not stop the run): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const runs = {
    baseline: { resources: baseline.resources, scopes: baseline.runtime.scopes },
    denied: { resources: denied.resources, scopes: denied.runtime.scopes },
  };
  checkListDenial(denial, runs.baseline, runs.denied);
  if (denial.enrichmentFault) checkEnrichmentDenial(denial, runs.baseline, runs.denied);
}
