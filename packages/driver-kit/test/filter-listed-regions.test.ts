import { ConfigurationError } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { filterListedRegions } from '../src/index.ts';

describe('filterListedRegions', () => {
  test('regions from the API are strict: an unknown configured region is a ConfigurationError', () => {
    const listed = { names: ['fsn1', 'nbg1'], fromApi: true };
    expect(filterListedRegions({ listed, regions: ['nbg1'] })).toEqual({
      all: ['fsn1', 'nbg1'],
      selected: ['nbg1'],
    });
    expect(() => filterListedRegions({ listed, regions: ['hel9'] })).toThrow(ConfigurationError);
  });

  test('a built-in fallback list keeps a configured region it does not know, and filters as usual', () => {
    const listed = { names: ['fsn1', 'nbg1'], fromApi: false };
    expect(filterListedRegions({ listed, regions: ['hel9', 'fsn*'] })).toEqual({
      all: ['fsn1', 'nbg1', 'hel9'],
      selected: ['fsn1', 'hel9'],
    });
    expect(filterListedRegions({ listed, exclude: ['nbg1'] }).selected).toEqual(['fsn1']);
  });
});
