import { describe, expect, test } from 'vitest';
import { renderImportId, resolveTerraformImport } from '../src/index.ts';

const service = {
  resourceId: 'arn:aws:ecs:us-east-1:123456789012:service/production/web',
  name: 'web',
  region: 'us-east-1',
  configuration: {
    serviceName: 'web',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/production',
    Scope: 'REGIONAL',
    count: 3,
  },
};

describe('Terraform import id templates', () => {
  test('fill placeholders from the resource and its configuration, with pipes', () => {
    expect(
      renderImportId('{configuration.clusterArn|afterLast:/}/{configuration.serviceName}', service),
    ).toBe('production/web');
    expect(renderImportId('{resourceId|after:service/}', service)).toBe('production/web');
    expect(renderImportId('{resourceId|before:/}', service)).toBe(
      'arn:aws:ecs:us-east-1:123456789012:service',
    );
    expect(renderImportId('{region},{name},{configuration.count}', service)).toBe(
      'us-east-1,web,3',
    );
  });

  test('a missing value, an object or a pipe that finds nothing is a skip naming the placeholder', () => {
    expect(renderImportId('{configuration.Name}', service)).toEqual({
      reason: 'configuration.Name has no value',
    });
    expect(renderImportId('{configuration}', service)).toEqual({
      reason: 'configuration has no value',
    });
    expect(renderImportId('{name|after:#}', service)).toEqual({
      reason: 'name|after:# has no value',
    });
  });

  test('the first descriptor whose `only` matches is used; none matching is a skip saying why', () => {
    const byScope = [
      {
        type: 'regional_type',
        importId: '{name}',
        only: { path: 'configuration.Scope', values: ['REGIONAL'] },
      },
      {
        type: 'global_type',
        importId: '{name}',
        only: { path: 'configuration.Scope', values: ['CLOUDFRONT'] },
      },
    ];
    expect(resolveTerraformImport('x.acl', byScope, service)).toEqual({
      type: 'regional_type',
      id: 'web',
    });
    expect(
      resolveTerraformImport('x.acl', byScope, { ...service, configuration: { Scope: 'OTHER' } }),
    ).toEqual({
      reason: 'only imported when configuration.Scope is REGIONAL or CLOUDFRONT (it is OTHER)',
    });
    expect(resolveTerraformImport('x.iso', undefined, service)).toEqual({
      reason: 'no Terraform resource imports x.iso',
    });
    expect(resolveTerraformImport('x.y', { type: 't', importId: '{resourceId}' }, service)).toEqual(
      {
        type: 't',
        id: service.resourceId,
      },
    );
  });

  test('a longer template falls through to a shorter one when a value is missing; trimEnd drops a suffix', () => {
    const record = [
      {
        type: 'r',
        importId: '{configuration.Zone}_{configuration.Name|trimEnd:.}_{configuration.Set}',
      },
      { type: 'r', importId: '{configuration.Zone}_{configuration.Name|trimEnd:.}' },
    ];
    const base = {
      resourceId: 'z/www.example.com.',
      configuration: { Zone: 'Z1', Name: 'www.example.com.' },
    };
    expect(resolveTerraformImport('x.record', record, base)).toEqual({
      type: 'r',
      id: 'Z1_www.example.com',
    });
    expect(
      resolveTerraformImport('x.record', record, {
        ...base,
        configuration: { ...base.configuration, Set: 'blue' },
      }),
    ).toEqual({ type: 'r', id: 'Z1_www.example.com_blue' });
    expect(
      resolveTerraformImport('x.record', record, { resourceId: 'z', configuration: {} }),
    ).toEqual({
      reason: 'configuration.Zone has no value',
    });
  });
});
