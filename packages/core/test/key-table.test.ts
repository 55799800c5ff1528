import { describe, expect, test } from 'vitest';
import { KeyTable } from '../src/storage/key-table.ts';

describe('KeyTable', () => {
  test('numbers keys in insertion order and finds each again, past several growths', () => {
    const table = new KeyTable();
    const keys = Array.from({ length: 20_000 }, (_, index) => `aws.ec2.instance\u0000i-${index}`);
    expect(keys.map((key) => table.add(key))).toEqual(keys.map((_, index) => index));
    expect(table.size).toBe(keys.length);
    for (const [index, key] of keys.entries()) {
      expect(table.rowOf(key)).toBe(index);
      expect(table.keyAt(index)).toBe(key);
    }
    expect(table.add(keys[123] as string)).toBe(123);
    expect(table.size).toBe(keys.length);
    expect(table.rowOf('aws.ec2.instance\u0000i-20000')).toBe(-1);
  });

  test('keeps any UTF-8 key apart from its neighbours, including long and empty ones', () => {
    const table = new KeyTable();
    const keys = [
      '',
      'type\u0000é',
      'type\u0000e\u0301',
      'type\u0000😀/zone',
      'type\u0000日本語',
      `type\u0000${'x'.repeat(5000)}`,
      `type\u0000${'x'.repeat(4999)}`,
      'type\u0000\u0000',
    ];
    for (const key of keys) table.add(key);
    expect(keys.map((key) => table.rowOf(key))).toEqual(keys.map((_, index) => index));
    expect(keys.map((_, index) => table.keyAt(index))).toEqual(keys);
  });

  test('answers a repeated question about a key that was added in between', () => {
    const table = new KeyTable();
    expect(table.rowOf('type\u0000a')).toBe(-1);
    expect(table.add('type\u0000a')).toBe(0);
    expect(table.rowOf('type\u0000a')).toBe(0);
    expect(table.rowOf('type\u0000b')).toBe(-1);
    expect(table.add('type\u0000c')).toBe(1);
    expect(table.rowOf('type\u0000b')).toBe(-1);
  });
});
