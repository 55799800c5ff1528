import { randomBytes } from 'node:crypto';
import { computeDigestResponse, type DigestChallenge } from '@cloud-inventory/driver-kit';
import type { FakeRequest, FakeResponse } from './fake-request.ts';

/** Authentication the fake server expects; requests without it get a 401. */
export type FakeAuth =
  | { /** `Authorization: Bearer <token>`. */ type: 'bearer' /** Expected token. */; token: string }
  | {
      /** `Authorization: Basic ...`. */
      type: 'basic';
      /** Expected user. */
      username: string;
      /** Expected password. */
      password: string;
    }
  | {
      /** HTTP digest (RFC 7616): a 401 with a challenge, then a verified response with an increasing nc. */
      type: 'digest';
      /** Expected user. */
      username: string;
      /** Expected password. */
      password: string;
      /** Realm. @default 'fake-provider' */
      realm?: string;
      /** Algorithms offered, one challenge each, in order. @default ['SHA-256'] */
      algorithms?: ('MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess')[];
    }
  | {
      /** A secret header such as `X-Auth-Key`. */
      type: 'header';
      /** Header name. */
      name: string;
      /** Expected value. */
      value: string;
    }
  | {
      /** Any rule of your own. */
      type: 'custom';
      /** True when the request is authenticated. */
      check: (request: FakeRequest) => boolean;
    };

function unauthorized(headers: Record<string, string | string[]> = {}): FakeResponse {
  return {
    status: 401,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ id: 'unauthorized', message: 'Unable to authenticate you' }),
  };
}

function parseDigestAuthorization(header: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+([\s\S]*)$/i.exec(header);
  if (!match) return undefined;
  const parameters: Record<string, string> = {};
  for (const parameter of (match[1] ?? '').matchAll(
    /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g,
  )) {
    parameters[parameter[1]!.toLowerCase()] =
      parameter[2] !== undefined ? parameter[2].replace(/\\(.)/g, '$1') : (parameter[3] ?? '');
  }
  return parameters;
}

/** Checks requests against a FakeAuth; keeps the digest nonces it issued and the nc values seen for each. */
export class FakeAuthenticator {
  readonly #auth: FakeAuth;
  readonly #nonces = new Map<string, { seenNonceCounts: Set<number>; expired: boolean }>();
  readonly #opaque = randomBytes(8).toString('hex');

  constructor(auth: FakeAuth) {
    this.#auth = auth;
  }

  /** Mark every issued digest nonce stale: the next request gets a 401 with `stale=true`. */
  expireNonces(): void {
    for (const state of this.#nonces.values()) state.expired = true;
  }

  /** Forget every issued nonce. */
  reset(): void {
    this.#nonces.clear();
  }

  /** Undefined when authenticated, else the 401 response to send. */
  check(request: FakeRequest): FakeResponse | undefined {
    const auth = this.#auth;
    const authorization = request.headers.authorization ?? '';
    switch (auth.type) {
      case 'bearer':
        return authorization === `Bearer ${auth.token}`
          ? undefined
          : unauthorized({ 'www-authenticate': 'Bearer realm="fake-provider"' });
      case 'basic': {
        const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
        return authorization === expected
          ? undefined
          : unauthorized({ 'www-authenticate': 'Basic realm="fake-provider"' });
      }
      case 'header':
        return request.headers[auth.name.toLowerCase()] === auth.value ? undefined : unauthorized();
      case 'custom':
        return auth.check(request) ? undefined : unauthorized();
      case 'digest':
        return this.#checkDigest(auth, request);
    }
  }

  #challenge(auth: Extract<FakeAuth, { type: 'digest' }>, stale: boolean): FakeResponse {
    const nonce = randomBytes(16).toString('base64');
    this.#nonces.set(nonce, { seenNonceCounts: new Set(), expired: false });
    const realm = auth.realm ?? 'fake-provider';
    const challenges = (auth.algorithms ?? ['SHA-256']).map(
      (algorithm) =>
        `Digest realm="${realm}", qop="auth", nonce="${nonce}", opaque="${this.#opaque}", algorithm=${algorithm}${stale ? ', stale=true' : ''}`,
    );
    return unauthorized({ 'www-authenticate': challenges });
  }

  #checkDigest(
    auth: Extract<FakeAuth, { type: 'digest' }>,
    request: FakeRequest,
  ): FakeResponse | undefined {
    const parameters = parseDigestAuthorization(request.headers.authorization ?? '');
    if (!parameters) return this.#challenge(auth, false);
    const nonce = parameters.nonce ?? '';
    const state = this.#nonces.get(nonce);
    if (!state) return this.#challenge(auth, false);
    const realm = auth.realm ?? 'fake-provider';
    const algorithm = parameters.algorithm ?? 'MD5';
    const nonceCount = Number.parseInt(parameters.nc ?? '', 16);
    const requestTarget = `${request.url.pathname}${request.url.search}`;
    const offered = auth.algorithms ?? ['SHA-256'];
    if (
      parameters.username !== auth.username ||
      parameters.realm !== realm ||
      parameters.uri !== requestTarget ||
      parameters.qop !== 'auth' ||
      parameters.opaque !== this.#opaque ||
      !offered.some((name) => name.toLowerCase() === algorithm.toLowerCase()) ||
      !Number.isInteger(nonceCount) ||
      !parameters.cnonce
    ) {
      return this.#challenge(auth, false);
    }
    const challenge: DigestChallenge = { realm, nonce, qop: 'auth', algorithm, stale: false };
    const expected = computeDigestResponse({
      challenge,
      username: auth.username,
      password: auth.password,
      method: request.method,
      uri: requestTarget,
      nonceCount,
      clientNonce: parameters.cnonce,
    });
    if (parameters.response !== expected) return this.#challenge(auth, false);
    if (state.expired) return this.#challenge(auth, true);
    // NOTE: a replayed nc is refused, as a strict server would; concurrent requests may arrive out of order.
    if (nonceCount < 1 || state.seenNonceCounts.has(nonceCount))
      return this.#challenge(auth, false);
    state.seenNonceCounts.add(nonceCount);
    return undefined;
  }
}
