import type { DriverCatalog } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import {
  alignedTable,
  catalogColumns,
  catalogTable,
  checkReadmeSections,
  codeList,
  compactTable,
  generatedTableMarkers,
  type ReadmeSection,
  readmeOmissions,
  replaceBetweenMarkers,
  resourceTypesSection,
  withGeneratedSections,
} from '../src/index.ts';

const { start, end } = generatedTableMarkers;
const sections: ReadmeSection[] = [
  { name: 'types', markers: generatedTableMarkers, render: () => 'fresh' },
  {
    name: 'policy',
    markers: { start: '<!-- policy -->', end: '<!-- /policy -->' },
    render: () => '{}',
  },
];

describe('markdown tables', () => {
  test('alignedTable pads every column to its widest cell, three dashes at least', () => {
    expect(alignedTable(['a', 'long header'], [['wide cell', 'x'], ['b']])).toBe(
      [
        '| a         | long header |',
        '| --------- | ----------- |',
        '| wide cell | x           |',
        '| b         |',
      ].join('\n'),
    );
  });

  test('compactTable keeps cells as they are, empty ones included', () => {
    expect(compactTable(['a', 'b'], [['1', '']])).toBe('| a | b |\n|---|---|\n| 1 |  |');
  });

  test('codeList quotes each value and is empty for none', () => {
    expect(codeList(['a', 'b.c'])).toBe('`a`, `b.c`');
    expect(codeList(undefined)).toBe('');
  });
});

describe('catalog tables', () => {
  const catalog = {
    driver: 'example',
    services: [
      {
        name: 'disks',
        resourceTypes: [
          { type: 'example.disk', description: 'A disk', volatilePaths: ['size'] },
          { type: 'example.snapshot', secretPaths: ['key'] },
        ],
      },
    ],
  } as DriverCatalog;

  test('catalogTable has a row per resource type, in catalog order, aligned or compact', () => {
    const columns = [
      catalogColumns.service(),
      catalogColumns.type(),
      catalogColumns.description(),
      catalogColumns.volatilePaths('volatile'),
      catalogColumns.secretPaths('secret'),
    ];
    expect(catalogTable(catalog, columns, 'compact')).toBe(
      [
        '| `config.services` | resource type | what | volatile | secret |',
        '|---|---|---|---|---|',
        '| `disks` | `example.disk` | A disk | `size` |  |',
        '| `disks` | `example.snapshot` |  |  | `key` |',
      ].join('\n'),
    );
    expect(catalogTable(catalog, columns).split('\n')[2]).toBe(
      '| `disks`           | `example.disk`     | A disk | `size`   |        |',
    );
  });

  test('resourceTypesSection goes between the usual markers', () => {
    const render = () => 'table';
    expect(resourceTypesSection(render)).toEqual({
      name: 'resource types',
      markers: generatedTableMarkers,
      render,
    });
  });
});

describe('generated README sections', () => {
  const readme = `# Title\n${start}\nold\n${end}\ntext\n<!-- policy -->\nold\n<!-- /policy -->\n`;

  test('replaceBetweenMarkers keeps the markers and puts the content on lines of its own', () => {
    expect(replaceBetweenMarkers(`a ${start} b ${end} c`, generatedTableMarkers, 'new')).toBe(
      `a ${start}\nnew\n${end} c`,
    );
    expect(() => replaceBetweenMarkers('no markers', generatedTableMarkers, 'x')).toThrow(
      /lacks the markers/,
    );
  });

  test('withGeneratedSections renders every section; checkReadmeSections then passes', () => {
    const generated = withGeneratedSections(readme, sections);
    expect(generated).toBe(
      `# Title\n${start}\nfresh\n${end}\ntext\n<!-- policy -->\n{}\n<!-- /policy -->\n`,
    );
    expect(() => checkReadmeSections(generated, sections)).not.toThrow();
  });

  test('checkReadmeSections names the stale section, its line and the command to run', () => {
    const generated = withGeneratedSections(readme, sections);
    expect(() => checkReadmeSections(generated.replace('{}', '{ }'), sections)).toThrow(
      /generated policy section is stale \(run .*--write\)\. Line 7 should be\n\{\}\nbut is\n\{ \}/,
    );
  });
});

describe('README coverage', () => {
  const catalog = {
    driver: 'example',
    services: [{ name: 'disks', resourceTypes: [{ type: 'example.disk' }] }],
  } as DriverCatalog;

  test('readmeOmissions lists what the README does not name, and nothing when it names all', () => {
    const readme = '`disks` holds `example.disk`.\n\n| `region`   | where |\n\nEXAMPLE_TOKEN';
    expect(
      readmeOmissions(readme, { catalog, options: ['region'], mentions: ['EXAMPLE_TOKEN'] }),
    ).toEqual([]);
    expect(
      readmeOmissions('`disks` and `region`', {
        catalog,
        options: ['region'],
        mentions: ['EXAMPLE_TOKEN'],
      }),
    ).toEqual(['resource type `example.disk`', 'option row `region`', 'EXAMPLE_TOKEN']);
  });
});
