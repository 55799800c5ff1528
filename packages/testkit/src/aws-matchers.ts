import type { FakeRequest } from './fake-request.ts';

/** Route condition: the JSON 1.0/1.1 protocol's `X-Amz-Target` header equals `target` (`DynamoDB_20120810.ListTables`). */
export function matchAmzTarget(target: string): (request: FakeRequest) => boolean {
  return (request) => request.headers['x-amz-target'] === target;
}

/** The `Action` of an AWS query-protocol request (form body of a POST, or `?Action=` of a GET). */
export function queryAction(request: FakeRequest): string | undefined {
  const fromBody = /application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')
    ? request.form().get('Action')
    : null;
  return fromBody ?? request.query.Action;
}

/** Route condition: an AWS query-protocol request (EC2, IAM, RDS...) whose `Action` is `action`. */
export function matchQueryAction(action: string): (request: FakeRequest) => boolean {
  return (request) => queryAction(request) === action;
}

/** The parameters of an AWS query-protocol request (form body merged over the query string). */
export function queryParameters(request: FakeRequest): Record<string, string> {
  const parameters: Record<string, string> = { ...request.query };
  if (/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
    for (const [name, value] of request.form()) parameters[name] = value;
  }
  return parameters;
}
