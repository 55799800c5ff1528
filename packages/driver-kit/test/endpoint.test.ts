import { ConfigurationError } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { resolveEndpoint } from '../src/index.ts';

describe('resolveEndpoint', () => {
  const defaultUrl = 'https://api.example.com/v4/';
  test('the default without a trailing slash when none is set', () => {
    expect(resolveEndpoint({ value: undefined, defaultUrl })).toBe('https://api.example.com/v4');
    expect(resolveEndpoint({ value: '', defaultUrl })).toBe('https://api.example.com/v4');
  });
  test('https anywhere, http only on loopback', () => {
    expect(resolveEndpoint({ value: 'https://proxy.corp/v4', defaultUrl })).toBe(
      'https://proxy.corp/v4',
    );
    expect(resolveEndpoint({ value: 'http://127.0.0.1:4010/', defaultUrl })).toBe(
      'http://127.0.0.1:4010',
    );
    expect(resolveEndpoint({ value: 'http://localhost:1', defaultUrl })).toBe('http://localhost:1');
    expect(resolveEndpoint({ value: 'http://[::1]:80/x', defaultUrl })).toBe('http://[::1]/x');
  });
  test('plain http elsewhere, non-URLs and other protocols name the cloud and option', () => {
    for (const value of ['http://10.0.0.1/v4', 'api.example.com', 'ftp://x', 42]) {
      const attempt = () => resolveEndpoint({ value, defaultUrl, cloud: 'linode-main' });
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(/linode-main: config\.endpoint/);
    }
  });
});
