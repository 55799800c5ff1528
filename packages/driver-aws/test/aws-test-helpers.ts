import type { CloudResource, ListOptions } from '@cloud-inventory/core';
import {
  collectResources,
  createFakeProviderServer,
  createTestRuntime,
  type FakeProviderServer,
  type FakeRequest,
  type FaultOptions,
  type TestRuntime,
} from '@cloud-inventory/testkit';
import {
  type AwsCredentials,
  type AwsDriver,
  type AwsDriverConfig,
  createAwsDriver,
} from '../src/driver.ts';
import {
  AwsFakeError,
  operationOf,
  serializeError,
  serviceInfoOf,
} from './fixtures/aws-fake-protocols.ts';
import { awsAuth } from './fixtures/aws-fake-routes.ts';
import { routeMatches, routeTarget, signatureScope } from './fixtures/aws-fake-routing.ts';
import { assumedCredentials, awsRoutes, awsTestCredentials } from './fixtures/aws-fixtures.ts';

/** One request as the fake's auth check saw it. */
export interface SignedRequest {
  accessKeyId: string | undefined;
  region: string | undefined;
  signingName: string | undefined;
  sessionToken: string | undefined;
  target: string;
}

/** A fake AWS with every fixture route, recording who signed each request. */
export async function startAwsApi(
  keys: { accessKeyId: string; sessionToken?: string }[] = [awsTestCredentials, assumedCredentials],
): Promise<FakeProviderServer & { signed: SignedRequest[] }> {
  const signed: SignedRequest[] = [];
  const check = awsAuth(keys);
  const server = await createFakeProviderServer({
    routes: awsRoutes(),
    auth: {
      type: 'custom',
      check: (request) => {
        const scope = signatureScope(request);
        signed.push({
          accessKeyId: scope?.accessKeyId,
          region: scope?.region,
          signingName: scope?.signingName,
          sessionToken: request.headers['x-amz-security-token'],
          target: describeRequest(request),
        });
        return check.type === 'custom' && check.check(request);
      },
    },
  });
  return Object.assign(server, { signed });
}

/** `Action`, `X-Amz-Target` or `METHOD /path` of a request. */
export function describeRequest(request: FakeRequest): string {
  const form = /x-www-form-urlencoded/.test(request.headers['content-type'] ?? '')
    ? new URLSearchParams(request.body).get('Action')
    : null;
  return form ?? request.headers['x-amz-target'] ?? `${request.method} ${request.path}`;
}

/** What an injected AWS error looks like. */
export interface AwsFaultError {
  /** AWS error code (`AccessDenied`, `UnauthorizedOperation`...). */
  code: string;
  /** AWS's message. */
  message?: string;
  /** HTTP status. @default 400 */
  status?: number;
  /** Requests to fail. @default Infinity */
  times?: number;
  /** Only requests signed for this region. */
  region?: string;
  /** Only requests this also matches (one bucket, one cluster). */
  match?: (request: FakeRequest) => boolean;
}

/** A fault answering `Command` of `Client` with an AWS error in the service's own format. */
export function awsFault(
  Client: new (config: any) => any,
  Command: new (input: any) => any,
  error: AwsFaultError,
): FaultOptions {
  const info = serviceInfoOf(Client);
  const operation = operationOf(Command);
  const target = routeTarget(info, operation);
  const answer = serializeError(
    info,
    new AwsFakeError(error.code, error.message ?? `${error.code} (injected)`, error.status ?? 400),
  );
  return {
    status: answer.status ?? 400,
    headers: answer.headers as Record<string, string>,
    body: answer.body,
    times: error.times ?? Number.POSITIVE_INFINITY,
    match: (request) =>
      routeMatches(info, operation, request) &&
      // REST routes are told apart by method and path too (routeMatches checks the rest).
      (target.method === undefined || target.method === request.method) &&
      (!(target.path instanceof RegExp) || target.path.test(request.path)) &&
      (error.region === undefined || signatureScope(request)?.region === error.region) &&
      (error.match === undefined || error.match(request)),
  };
}

/** Make `Command` of `Client` fail `times` times with an AWS error in the service's own format. */
export function failOperation(
  server: FakeProviderServer,
  Client: new (config: any) => any,
  Command: new (input: any) => any,
  error: AwsFaultError,
) {
  return server.injectFault(awsFault(Client, Command, error));
}

/** Requests to one operation (by `Action`, target suffix or REST path). */
export function callsTo(server: { signed: SignedRequest[] }, operation: string): SignedRequest[] {
  return server.signed.filter(
    (entry) => entry.target === operation || entry.target.endsWith(`.${operation}`),
  );
}

/** Create an AWS driver pointed at `server` with fast retries. */
export function awsDriver(
  server: FakeProviderServer,
  config: AwsDriverConfig = {},
  credentials: AwsCredentials = awsTestCredentials,
): AwsDriver {
  return createAwsDriver({
    id: 'aws-test',
    credentials,
    config: { endpoint: server.url, maxAttempts: 2, ...config },
  });
}

/** Initialise, list and destroy a driver; answers what it yielded and reported. */
export async function runAws(
  server: FakeProviderServer,
  config: AwsDriverConfig = {},
  options: Partial<Omit<ListOptions, 'runtime'>> & { credentials?: AwsCredentials } = {},
): Promise<{ resources: CloudResource[]; runtime: TestRuntime; driver: AwsDriver }> {
  const { credentials, ...listOptions } = options;
  const driver = awsDriver(server, config, credentials);
  const runtime = createTestRuntime();
  try {
    await driver.initialize();
    const resources = await collectResources(driver, { ...listOptions, runtime });
    return { resources, runtime, driver };
  } finally {
    await driver.destroy();
  }
}

/** The scope report of the step listing `type` in `region`. */
export function scopeOfType(runtime: TestRuntime, type: string, region: string) {
  return runtime.scopes.findLast(
    (scope) => scope.region === region && (scope.resourceTypes ?? []).includes(type),
  );
}

/** The configuration of the resource named `name` of `type`. */
export function configurationOf(
  resources: CloudResource[],
  type: string,
  name: string,
): Record<string, any> {
  const resource = resources.find(
    (candidate) => candidate.resourceType === type && candidate.name === name,
  );
  if (!resource) throw new Error(`no ${type} named ${name}`);
  return resource.configuration as Record<string, any>;
}
