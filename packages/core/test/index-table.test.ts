import { describe, expect, test } from 'vitest';
import type { IndexEntry } from '../src/storage/digest-index.ts';
import { IndexTable } from '../src/storage/index-table.ts';

const entry = (index: number, overrides: Partial<IndexEntry> = {}): IndexEntry => ({
  digest: index.toString(16).padStart(64, 'a'),
  version: index + 1,
  changes: index,
  status: 'active',
  service: `service-${index % 3}`,
  region: index % 2 === 0 ? 'us-east-1' : 'global',
  firstSeenAt: new Date(1_700_000_000_000 + index).toISOString(),
  sections: ['0123456789ab', 'cdef01234567', '89abcdef0123', String(index).padStart(12, '0')].join(
    '|',
  ),
  changedAt: new Date(1_800_000_000_000 + index).toISOString(),
  ...overrides,
});

/** Set an entry and expect it back exactly. */
function expectStored(table: IndexTable, key: string, value: IndexEntry): void {
  table.set(key, value);
  expect(table.get(key)).toEqual(value);
}

describe('IndexTable', () => {
  test('gives back every entry exactly as set, past several growths', () => {
    const table = new IndexTable();
    for (let index = 0; index < 5000; index += 1) table.set(`type:r-${index}`, entry(index));
    table.set('type:r-7', entry(7, { status: 'deleted', deletedAt: '2027-01-01T00:00:00.000Z' }));
    expect(table.size).toBe(5000);
    expect(table.get('type:r-4999')).toEqual(entry(4999));
    expect(table.get('type:r-7')).toEqual(
      entry(7, { status: 'deleted', deletedAt: '2027-01-01T00:00:00.000Z' }),
    );
    expect(table.get('type:missing')).toBeUndefined();
    expect(table.countActive()).toBe(4999);
    expect(table.scopes()).toHaveLength(6);
    expect([...table.entries()].length).toBe(5000);
  });

  test('keeps entries that do not fit the compact form as they are', () => {
    const table = new IndexTable();
    const odd = entry(1, {
      digest: 'not-a-sha256',
      firstSeenAt: '2026-11-26T15:00:00Z',
      sections: 'a|b|c|d',
    });
    expectStored(table, 'type:odd', odd);
    expectStored(table, 'type:odd', entry(2));
  });

  test('marks seen keys, with or without a row, and lists the active unseen ones', () => {
    const table = new IndexTable();
    table.set('type:a', entry(1));
    table.set('type:b', entry(2));
    table.set('type:c', entry(3, { status: 'deleted', deletedAt: '2027-01-01T00:00:00.000Z' }));
    expect(table.markSeen('type:a')).toBe(true);
    expect(table.markSeen('type:a')).toBe(false);
    expect(table.markSeen('type:new')).toBe(true);
    expect(table.markSeen('type:new')).toBe(false);
    // Seen before its row existed (created in this run): the row carries the mark.
    table.set('type:new', entry(4));
    expect([...table.activeUnseen()].map(([key]) => key)).toEqual(['type:b']);
  });

  test('keeps the seen mark, status, deletion time and input digest of a row apart', () => {
    const table = new IndexTable();
    const deleted = entry(1, { status: 'deleted', deletedAt: '2027-01-01T00:00:00.000Z' });
    table.set('type:a', deleted);
    expect(table.markSeen('type:a')).toBe(true);
    // Restored in this run: still seen, no deletion time, an input digest now.
    const restored = entry(1, { inputDigest: 'f'.repeat(32) });
    expectStored(table, 'type:a', restored);
    expect(table.markSeen('type:a')).toBe(false);
    expect(table.matchesInput('type:a', Buffer.from('f'.repeat(32), 'hex'))).toBe(true);
    expectStored(table, 'type:a', deleted);
    expect(table.matchesInput('type:a', Buffer.from('f'.repeat(32), 'hex'))).toBe(false);
    expect(table.countActive()).toBe(0);
    // What a deletion records: the deletion time is the change time.
    const deletedNow = entry(2, {
      status: 'deleted',
      changedAt: '2027-02-03T04:05:06.789Z',
      deletedAt: '2027-02-03T04:05:06.789Z',
    });
    expectStored(table, 'type:a', deletedNow);
    expectStored(table, 'type:a', entry(2));
  });

  test('keeps rows past 65,536 scopes as they are', () => {
    const table = new IndexTable();
    for (let index = 0; index < 65_540; index += 1)
      table.set(`type:r-${index}`, entry(index, { service: `s-${index}`, region: 'r' }));
    expect(table.get('type:r-65539')).toEqual(entry(65_539, { service: 's-65539', region: 'r' }));
    expect(table.get('type:r-3')).toEqual(entry(3, { service: 's-3', region: 'r' }));
    expect(table.scopes()).toHaveLength(65_540);
  });
});
