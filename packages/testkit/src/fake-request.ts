/** A request as a fake route handler sees it. */
export interface FakeRequest {
  /** HTTP method, upper case. */
  method: string;
  /** URL path, e.g. `/v2/droplets`. */
  path: string;
  /** First value of each query parameter. */
  query: Record<string, string>;
  /** All query parameters. */
  searchParams: URLSearchParams;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** Raw body text (`''` when none). */
  body: string;
  /** Values of the route's `:params`. */
  params: Record<string, string>;
  /** Absolute URL as the client called it (host is the fake server). */
  url: URL;
  /** The body parsed as JSON. */
  json<Body = unknown>(): Body;
  /** The body parsed as `application/x-www-form-urlencoded`. */
  form(): URLSearchParams;
}

/** What a handler answers; objects and arrays become JSON, strings are sent as they are. */
export interface FakeResponse {
  /** HTTP status. @default 200 */
  status?: number;
  /** Response headers (`Content-Type` defaults to JSON for objects, text otherwise). */
  headers?: Record<string, string | string[]>;
  /** Body: object/array (JSON), string, or bytes. */
  body?: unknown;
  /** Destroy the socket instead of answering (a dropped connection). */
  drop?: boolean;
}

/** A JSON response. */
export function jsonResponse(
  body: unknown,
  options: { status?: number; headers?: Record<string, string> } = {},
): FakeResponse {
  return {
    status: options.status ?? 200,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  };
}

/** An XML response (AWS query and REST-XML APIs). */
export function xmlResponse(
  xml: string,
  options: { status?: number; headers?: Record<string, string> } = {},
): FakeResponse {
  return {
    status: options.status ?? 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8', ...options.headers },
    body: xml,
  };
}

/** A response with any body and content type. */
export function textResponse(
  text: string,
  options: { status?: number; contentType?: string; headers?: Record<string, string> } = {},
): FakeResponse {
  return {
    status: options.status ?? 200,
    headers: {
      'content-type': options.contentType ?? 'text/plain; charset=utf-8',
      ...options.headers,
    },
    body: text,
  };
}
