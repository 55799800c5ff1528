/** How a client authenticates: bearer token, basic, HTTP digest (RFC 7616), an API-key header, or nothing. */
export type HttpAuth =
  | {
      /** `Authorization: Bearer <token>`. */
      type: 'bearer';
      /** The token. */
      token: string;
    }
  | {
      /** `Authorization: Basic base64(user:password)`. */
      type: 'basic';
      /** User name. */
      username: string;
      /** Password. */
      password: string;
    }
  | {
      /** HTTP digest: the first 401 carries the challenge, later calls answer it (MongoDB Atlas). */
      type: 'digest';
      /** User name (Atlas: public key). */
      username: string;
      /** Password (Atlas: private key). */
      password: string;
    }
  | {
      /** A single secret header, e.g. `X-Auth-Key`. */
      type: 'header';
      /** Header name. */
      name: string;
      /** Header value. */
      value: string;
    }
  | {
      /** No authentication. */
      type: 'none';
    };

/** The secret strings inside an auth setting, so messages can be scrubbed of them. */
export function secretsOf(auth: HttpAuth | undefined): string[] {
  if (!auth) return [];
  switch (auth.type) {
    case 'bearer':
      return [auth.token];
    case 'basic':
    case 'digest':
      return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
    case 'header':
      return [auth.value];
    default:
      return [];
  }
}

/** The static `Authorization`-style header of an auth setting (digest has none until challenged). */
export function staticAuthHeader(auth: HttpAuth | undefined): [string, string] | undefined {
  if (!auth) return undefined;
  switch (auth.type) {
    case 'bearer':
      return ['authorization', `Bearer ${auth.token}`];
    case 'basic':
      return [
        'authorization',
        `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      ];
    case 'header':
      return [auth.name, auth.value];
    default:
      return undefined;
  }
}
