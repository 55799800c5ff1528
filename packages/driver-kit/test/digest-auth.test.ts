import { describe, expect, test } from 'vitest';
import {
  chooseDigestChallenge,
  computeDigestResponse,
  createDigestAuthorization,
  DigestAuthenticator,
  parseDigestChallenges,
} from '../src/index.ts';

// RFC 7616 section 3.9.1 example.
const rfcChallenge = {
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  qop: 'auth',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  stale: false,
};
const rfcInput = {
  username: 'Mufasa',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nonceCount: 1,
  clientNonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

describe('digest auth (RFC 7616)', () => {
  test('computes the RFC 7616 MD5 and SHA-256 example responses', () => {
    expect(
      computeDigestResponse({ ...rfcInput, challenge: { ...rfcChallenge, algorithm: 'MD5' } }),
    ).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(
      computeDigestResponse({ ...rfcInput, challenge: { ...rfcChallenge, algorithm: 'SHA-256' } }),
    ).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  test('parses several challenges from one joined header and prefers SHA-256', () => {
    const header =
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="abc", opaque="xyz", ' +
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="abc", opaque="xyz", Basic realm="x"';
    const challenges = parseDigestChallenges(header);
    expect(challenges.map((challenge) => challenge.algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(challenges[0]).toMatchObject({
      realm: 'http-auth@example.org',
      nonce: 'abc',
      opaque: 'xyz',
      qop: 'auth, auth-int',
    });
    expect(chooseDigestChallenge([...challenges].reverse())?.algorithm).toBe('SHA-256');
    expect(
      chooseDigestChallenge(
        parseDigestChallenges('Digest realm="r", nonce="n", algorithm=SHA-512-256'),
      ),
    ).toBeUndefined();
  });

  test('builds an Authorization header with nc, cnonce, qop and opaque', () => {
    const header = createDigestAuthorization({
      ...rfcInput,
      challenge: { ...rfcChallenge, algorithm: 'SHA-256' },
    });
    expect(header).toContain('username="Mufasa"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('qop=auth');
    expect(header).toContain(`opaque="${rfcChallenge.opaque}"`);
    expect(header).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    );
  });

  test('reuses the nonce with an increasing nc and refuses a second non-stale challenge for the same nonce', () => {
    const authenticator = new DigestAuthenticator({ username: 'u', password: 'p' });
    expect(authenticator.authorize('GET', '/')).toBeUndefined();
    expect(
      authenticator.acceptChallenge('Digest realm="r", nonce="n1", qop="auth"', undefined),
    ).toBe(true);
    expect(authenticator.authorize('GET', '/a')).toContain('nc=00000001');
    expect(authenticator.authorize('GET', '/b')).toContain('nc=00000002');
    expect(authenticator.acceptChallenge('Digest realm="r", nonce="n1", qop="auth"', 'n1')).toBe(
      false,
    );
    expect(
      authenticator.acceptChallenge('Digest realm="r", nonce="n2", qop="auth", stale=true', 'n1'),
    ).toBe(true);
    expect(authenticator.authorize('GET', '/c')).toContain('nc=00000001');
  });
});
