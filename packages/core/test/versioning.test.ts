import { describe, expect, test } from 'vitest';
import {
  applyDiff,
  canonicalJson,
  compilePatterns,
  decodeIdPart,
  diffJson,
  digestJson,
  encodeIdPart,
  formatDiffPath,
  normalizeJson,
  parseDiffPath,
  Redactor,
  removeAtPatterns,
} from '../src/index.ts';

describe('canonical JSON and digests', () => {
  test('key order does not change the digest; values do', () => {
    expect(canonicalJson(normalizeJson({ b: 1, a: { d: [1, 2], c: 'x' } }))).toBe(
      '{"a":{"c":"x","d":[1,2]},"b":1}',
    );
    expect(digestJson(normalizeJson({ a: 1, b: 2 }))).toBe(
      digestJson(normalizeJson({ b: 2, a: 1 })),
    );
    expect(digestJson(normalizeJson({ a: 1 }))).not.toBe(digestJson(normalizeJson({ a: 2 })));
  });

  test('normalizes driver values and rejects cycles with a path', () => {
    const when = new Date('2026-01-02T03:04:05.000Z');
    expect(
      normalizeJson({
        when,
        big: 10n ** 20n,
        bytes: Buffer.from('hi'),
        gone: undefined,
        fn: () => 1,
        nan: Number.NaN,
        set: new Set([1]),
      }),
    ).toEqual({
      when: '2026-01-02T03:04:05.000Z',
      big: '100000000000000000000',
      bytes: 'aGk=',
      nan: null,
      set: [1],
    });
    const cyclic: Record<string, unknown> = { a: { b: {} } };
    (cyclic.a as Record<string, Record<string, unknown>>).b!.back = cyclic;
    expect(() => normalizeJson(cyclic, 'configuration')).toThrow(
      /configuration\.a\.b\.back: cyclic reference/,
    );
  });
});

describe('diff', () => {
  test('flattened paths with added, removed and updated buckets', () => {
    const diff = diffJson(
      { a: { b: 1, c: 2 }, list: [1, 2] },
      { a: { b: 3, d: 4 }, list: [1, 2, 3] },
    );
    expect(diff.updated).toEqual({
      'a.b': { before: 1, after: 3 },
      list: { before: [1, 2], after: [1, 2, 3] },
    });
    expect(diff.added).toEqual({ 'a.d': 4 });
    expect(diff.removed).toEqual({ 'a.c': 2 });
  });

  test('arrays of objects with an identity are diffed element by element', () => {
    const before = {
      rules: [
        { id: 'r1', port: 22 },
        { id: 'r2', port: 80 },
      ],
    };
    const after = {
      rules: [
        { id: 'r2', port: 80 },
        { id: 'r3', port: 443 },
      ],
    };
    const diff = diffJson(before, after);
    // One entry per leaf, under the element's identity path (the description's flattened paths).
    expect(diff.removed).toEqual({ 'rules[id="r1"].id': 'r1', 'rules[id="r1"].port': 22 });
    expect(diff.added).toEqual({ 'rules[id="r3"].id': 'r3', 'rules[id="r3"].port': 443 });
    expect(applyDiff(before, diff)).toEqual(after);
    const placement = diffJson(
      { configuration: { type: 't3' } },
      { configuration: { type: 't3', placement: { zone: 'a', group: { name: 'g' } } } },
    );
    expect(placement.added).toEqual({
      'configuration.placement.zone': 'a',
      'configuration.placement.group.name': 'g',
    });
    const emptied = diffJson({ a: { b: 1 }, c: [{ id: 'x' }] }, { a: {}, c: [] });
    expect(emptied).toMatchObject({
      removed: { 'a.b': 1, 'c[id="x"].id': 'x' },
      added: { a: {}, c: [] },
    });
    expect(applyDiff({ a: { b: 1 }, c: [{ id: 'x' }] }, emptied)).toEqual({ a: {}, c: [] });
    expect(Object.keys(diff.updated)).toEqual([]);
    const tags = diffJson(
      { Tags: [{ Key: 'env', Value: 'dev' }] },
      { Tags: [{ Key: 'env', Value: 'prod' }] },
    );
    expect(tags.updated).toEqual({ 'Tags[Key="env"].Value': { before: 'dev', after: 'prod' } });
  });

  test('applying a diff to the older value gives the newer one, reordering included', () => {
    const before = {
      a: 1,
      odd: { 'x.y': [1, { q: 2 }] },
      items: [
        { name: 'a', v: 1 },
        { name: 'b', v: 2 },
        { name: 'c', v: 3 },
      ],
      plain: [{ v: 1 }, { v: 2 }],
    };
    const after = {
      a: 1,
      odd: { 'x.y': [1, { q: 3 }, 4] },
      items: [
        { name: 'c', v: 3 },
        { name: 'a', v: 9 },
        { name: 'd', v: 4 },
      ],
      plain: [{ v: 1 }],
      extra: { z: true },
    };
    expect(
      applyDiff(normalizeJson(before), diffJson(normalizeJson(before), normalizeJson(after))),
    ).toEqual(after);
  });

  test('an oversized diff is capped and marked truncated', () => {
    const before = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`k${index}`, index]),
    );
    const after = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`k${index}`, index + 1]),
    );
    const diff = diffJson(before, after, { maximumEntries: 10 });
    expect(diff.truncated).toBe(true);
    expect(diff.totalChanges).toBe(50);
    expect(Object.keys(diff.updated)).toHaveLength(10);
  });

  test('diff paths round-trip', () => {
    const path = formatDiffPath([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b.c' },
      { kind: 'identity', key: 'Key', value: 'x]"y' },
      { kind: 'index', index: 2 },
    ]);
    expect(path).toBe('a["b.c"][Key="x]\\"y"][2]');
    expect(parseDiffPath(path)).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b.c' },
      { kind: 'identity', key: 'Key', value: 'x]"y' },
      { kind: 'index', index: 2 },
    ]);
  });
});

describe('path patterns and redaction', () => {
  test('removes volatile paths with wildcards', () => {
    const value = normalizeJson({
      status: { lastUpdated: 'x', phase: 'ok' },
      nodes: [
        { age: 1, id: 'a' },
        { age: 2, id: 'b' },
      ],
    });
    expect(
      removeAtPatterns(value, compilePatterns(['status.lastUpdated', 'nodes[*].age'])),
    ).toEqual({ status: { phase: 'ok' }, nodes: [{ id: 'a' }, { id: 'b' }] });
  });

  test('redacts declared paths, secret key names and credential strings with a keyed hash', () => {
    const redactor = new Redactor('k'.repeat(32));
    const input = normalizeJson({
      Environment: { Variables: { DB_PASSWORD: 'hunter2', MODE: 'x' } },
      masterPassword: 's3cret',
      url: 'postgres://admin:pw123@db.example.com/app',
      key: '-----BEGIN RSA PRIVATE KEY-----\nabc',
      plain: 'hello',
    });
    const output = redactor.redact(input, compilePatterns(['Environment.Variables.*'])) as Record<
      string,
      any
    >;
    const text = JSON.stringify(output);
    for (const secret of ['hunter2', 's3cret', 'pw123', 'BEGIN RSA'])
      expect(text).not.toContain(secret);
    expect(output.Environment.Variables.MODE).toMatch(/^\[redacted:[0-9a-f]{24}\]$/);
    expect(output.plain).toBe('hello');
    const changed = redactor.redact(normalizeJson({ masterPassword: 'other' }), []) as Record<
      string,
      unknown
    >;
    expect(changed.masterPassword).not.toBe(output.masterPassword);
    expect(
      (redactor.redact(normalizeJson({ masterPassword: 's3cret' }), []) as Record<string, unknown>)
        .masterPassword,
    ).toBe(output.masterPassword);
  });
});

describe('record ids', () => {
  test('ids with unsafe characters are encoded reversibly', () => {
    for (const id of [
      '/subscriptions/a/resourceGroups/b',
      'arn:aws:s3:::bucket/key',
      'zone/record',
      'a b ü ~ % = \\',
    ]) {
      const encoded = encodeIdPart(id);
      expect(encoded).not.toMatch(/[/%=\\]/);
      expect(decodeIdPart(encoded)).toBe(id);
    }
  });
});
