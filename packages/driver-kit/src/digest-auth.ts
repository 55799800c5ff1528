import { createHash, randomBytes } from 'node:crypto';

/** Digest algorithms this kit computes (RFC 7616). */
export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

/** One `WWW-Authenticate: Digest ...` challenge. */
export interface DigestChallenge {
  /** Protection space. */
  realm: string;
  /** Server nonce. */
  nonce: string;
  /** Quality of protection offered (`auth`, `auth-int`), comma separated; absent for RFC 2069 servers. */
  qop?: string;
  /** Hash algorithm. @default 'MD5' */
  algorithm: string;
  /** Opaque value echoed back. */
  opaque?: string;
  /** True when the nonce expired but the credentials were right. */
  stale: boolean;
}

/** Split a `WWW-Authenticate` value (possibly several challenges joined by commas) and return its Digest challenges. */
export function parseDigestChallenges(header: string): DigestChallenge[] {
  const challenges: DigestChallenge[] = [];
  // A new challenge starts at a bare token (the scheme) followed by a space and a parameter.
  const parts = header.split(/,?\s*(?=\b[A-Za-z][A-Za-z0-9_-]*\s+[A-Za-z0-9_-]+=)/);
  for (const part of parts) {
    const match = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s+([\s\S]*)$/.exec(part);
    if (match?.[1]?.toLowerCase() !== 'digest') continue;
    const parameters: Record<string, string> = {};
    const pattern = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const parameter of (match[2] ?? '').matchAll(pattern)) {
      const name = parameter[1]!.toLowerCase();
      parameters[name] =
        parameter[2] !== undefined ? parameter[2].replace(/\\(.)/g, '$1') : (parameter[3] ?? '');
    }
    if (parameters.nonce === undefined) continue;
    const challenge: DigestChallenge = {
      realm: parameters.realm ?? '',
      nonce: parameters.nonce,
      algorithm: parameters.algorithm ?? 'MD5',
      stale: (parameters.stale ?? '').toLowerCase() === 'true',
    };
    if (parameters.qop !== undefined) challenge.qop = parameters.qop;
    if (parameters.opaque !== undefined) challenge.opaque = parameters.opaque;
    challenges.push(challenge);
  }
  return challenges;
}

const supportedAlgorithms = ['SHA-256', 'SHA-256-sess', 'MD5', 'MD5-sess'];

/** The challenge to answer: SHA-256 before MD5, `qop=auth` (or none), unsupported algorithms skipped. */
export function chooseDigestChallenge(challenges: DigestChallenge[]): DigestChallenge | undefined {
  const usable = challenges.filter((challenge) => {
    const algorithm = supportedAlgorithms.find(
      (name) => name.toLowerCase() === challenge.algorithm.toLowerCase(),
    );
    const qops = challenge.qop?.split(',').map((value) => value.trim().toLowerCase());
    return algorithm !== undefined && (qops === undefined || qops.includes('auth'));
  });
  const rank = (challenge: DigestChallenge) =>
    supportedAlgorithms.findIndex(
      (name) => name.toLowerCase() === challenge.algorithm.toLowerCase(),
    );
  return usable.sort((left, right) => rank(left) - rank(right))[0];
}

function hashFor(algorithm: string): (text: string) => string {
  const name = algorithm.toLowerCase().startsWith('sha-256') ? 'sha256' : 'md5';
  return (text) => createHash(name).update(text, 'utf8').digest('hex');
}

/** Inputs of one digest response computation. */
export interface DigestResponseInput {
  /** Challenge being answered. */
  challenge: DigestChallenge;
  /** User name. */
  username: string;
  /** Password. */
  password: string;
  /** HTTP method. */
  method: string;
  /** Request target: path and query, e.g. `/api/atlas/v2/groups?pageNum=2`. */
  uri: string;
  /** Nonce count: how many requests used this nonce, this one included. */
  nonceCount: number;
  /** Client nonce. */
  clientNonce: string;
}

/** The `response` value of RFC 7616 section 3.4.1 (qop=auth or RFC 2069 without qop). */
export function computeDigestResponse(input: DigestResponseInput): string {
  const { challenge } = input;
  const hash = hashFor(challenge.algorithm);
  let secretHash = hash(`${input.username}:${challenge.realm}:${input.password}`);
  if (challenge.algorithm.toLowerCase().endsWith('-sess')) {
    secretHash = hash(`${secretHash}:${challenge.nonce}:${input.clientNonce}`);
  }
  const requestHash = hash(`${input.method.toUpperCase()}:${input.uri}`);
  if (challenge.qop === undefined) return hash(`${secretHash}:${challenge.nonce}:${requestHash}`);
  const nonceCount = formatNonceCount(input.nonceCount);
  return hash(
    `${secretHash}:${challenge.nonce}:${nonceCount}:${input.clientNonce}:auth:${requestHash}`,
  );
}

/** `nc` as eight hex digits. */
export function formatNonceCount(nonceCount: number): string {
  return nonceCount.toString(16).padStart(8, '0');
}

function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** A complete `Authorization: Digest ...` header value. */
export function createDigestAuthorization(input: DigestResponseInput): string {
  const { challenge } = input;
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quote(computeDigestResponse(input))}`,
  ];
  if (challenge.qop !== undefined) {
    parts.push(
      'qop=auth',
      `nc=${formatNonceCount(input.nonceCount)}`,
      `cnonce=${quote(input.clientNonce)}`,
    );
  }
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

/** Keeps the current digest challenge of one client and answers it, reusing the nonce with an increasing `nc`. */
export class DigestAuthenticator {
  readonly #username: string;
  readonly #password: string;
  #challenge: DigestChallenge | undefined;
  #nonceCount = 0;

  constructor(credentials: { username: string; password: string }) {
    this.#username = credentials.username;
    this.#password = credentials.password;
  }

  /** Nonce currently answered, if a challenge was received. */
  get nonce(): string | undefined {
    return this.#challenge?.nonce;
  }

  /** The Authorization header for a request, or undefined before the first challenge. */
  authorize(method: string, uri: string): string | undefined {
    const challenge = this.#challenge;
    if (!challenge) return undefined;
    this.#nonceCount += 1;
    return createDigestAuthorization({
      challenge,
      username: this.#username,
      password: this.#password,
      method,
      uri,
      nonceCount: this.#nonceCount,
      clientNonce: randomBytes(16).toString('hex'),
    });
  }

  /**
   * Take a 401's `WWW-Authenticate` value; returns true when answering it may succeed (first
   * challenge, stale nonce, or a nonce other than the one sent) and false when the credentials were refused.
   */
  acceptChallenge(header: string | null, sentNonce: string | undefined): boolean {
    if (!header) return false;
    const challenge = chooseDigestChallenge(parseDigestChallenges(header));
    if (!challenge) return false;
    const retryable = sentNonce === undefined || challenge.stale || challenge.nonce !== sentNonce;
    if (challenge.nonce !== this.#challenge?.nonce) this.#nonceCount = 0;
    this.#challenge = challenge;
    return retryable;
  }
}
