import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@cloud-inventory/core';
import { describe, expect, it } from 'vitest';
import {
  createAzureMockDriver,
  createCloudflareMockDriver,
  createMockCloudDriver,
  createMongoDbAtlasMockDriver,
  MockCloudDriver,
  mockProviders,
} from '../src/driver.ts';
import { collect, digestView, keyOf, valuesAt } from './mock-test-helpers.ts';

function declaredTypes(driver: MockCloudDriver): string[] {
  return driver.catalog.services.flatMap((service) =>
    service.resourceTypes.map((type) => type.type),
  );
}

function typeDescriptor(driver: MockCloudDriver, type: string) {
  return driver.catalog.services
    .flatMap((service) => service.resourceTypes)
    .find((candidate) => candidate.type === type)!;
}

describe.each(mockProviders.map((provider) => [provider.name, provider] as const))(
  '%s',
  (name, provider) => {
    it('has a catalog of at least 4 types named <provider>.<service>.<kind> or <provider>.<kind>, with 3+ regions', () => {
      const driver = provider.create();
      const types = declaredTypes(driver);
      expect(types.length).toBeGreaterThanOrEqual(4);
      expect(new Set(types).size).toBe(types.length);
      for (const type of types)
        expect(type).toMatch(new RegExp(`^${provider.provider}(\\.[a-z0-9]+(-[a-z0-9]+)*){1,2}$`));
      const regional = driver.catalog.services.some((service) => !service.global);
      if (regional) expect(provider.definition.regions.length).toBeGreaterThanOrEqual(3);
      expect(driver.catalog.driver).toBe(name);
    });

    it('lists a small static default estate (5-10 resources) that does not change between runs', async () => {
      const driver = provider.create();
      const first = await collect(driver);
      const second = await collect(driver, { state: first.runtime.states.at(-1) });
      expect(first.resources.length).toBeGreaterThanOrEqual(5);
      expect(first.resources.length).toBeLessThanOrEqual(10);
      expect(second.resources.map(keyOf)).toEqual(first.resources.map(keyOf));
      for (const [position, resource] of first.resources.entries()) {
        const volatilePaths = typeDescriptor(driver, resource.resourceType).volatilePaths ?? [];
        expect(digestView(second.resources[position]!.configuration, volatilePaths)).toBe(
          digestView(resource.configuration, volatilePaths),
        );
        expect(resource.provider).toBe(provider.provider);
        expect(resource.accountId).toBe(provider.definition.defaultAccountId);
      }
    });

    it('produces every declared type in a 500-resource estate, with unique ids and the declared volatile and secret paths', async () => {
      const driver = provider.create({ config: { seed: 42, resourceCount: 500 } });
      const { resources } = await collect(driver);
      expect(resources).toHaveLength(500);
      expect(new Set(resources.map(keyOf)).size).toBe(500);
      const seenTypes = new Set(resources.map((resource) => resource.resourceType));
      expect([...seenTypes].sort()).toEqual(declaredTypes(driver).sort());
      for (const type of declaredTypes(driver)) {
        const descriptor = typeDescriptor(driver, type);
        const ofType = resources.filter((resource) => resource.resourceType === type);
        const service = driver.catalog.services.find((candidate) =>
          candidate.resourceTypes.some((entry) => entry.type === type),
        )!;
        for (const resource of ofType) {
          expect(resource.service).toBe(service.name);
          if (service.global) expect(resource.region).toBe('global');
          else expect(provider.definition.regions).toContain(resource.region);
          expect(resource.configuration).toBeTypeOf('object');
          for (const path of descriptor.volatilePaths ?? [])
            expect(valuesAt(resource.configuration, path).length).toBeGreaterThan(0);
        }
        for (const path of descriptor.secretPaths ?? []) {
          const secrets = ofType.flatMap((resource) => valuesAt(resource.configuration, path));
          expect(secrets.length, `${type} ${path}`).toBeGreaterThan(0);
          expect(secrets.every((value) => typeof value === 'string' && value.length > 0)).toBe(
            true,
          );
        }
      }
    });

    it('is deterministic: the same seed gives identical JSON from two instances, another seed does not', async () => {
      const config = { seed: 7, resourceCount: 200, run: 3 };
      const first = await collect(provider.create({ config }));
      const second = await collect(provider.create({ config }));
      expect(JSON.stringify(second.resources)).toBe(JSON.stringify(first.resources));
      const other = await collect(provider.create({ config: { ...config, seed: 8 } }));
      expect(JSON.stringify(other.resources)).not.toBe(JSON.stringify(first.resources));
    });
  },
);

describe('resource shapes', () => {
  it('aws: EC2 instances carry security groups that exist in the estate, Lambda has DB_PASSWORD as a declared secret', async () => {
    const driver = mockProviders[0]!.create({ config: { seed: 3, resourceCount: 400 } });
    const { resources } = await collect(driver);
    const groups = new Set(
      resources
        .filter((resource) => resource.resourceType === 'aws.vpc.security-group')
        .map((resource) => resource.resourceId),
    );
    const instances = resources.filter((resource) => resource.resourceType === 'aws.ec2.instance');
    for (const instance of instances) {
      const configuration = instance.configuration as Record<string, any>;
      expect(configuration.InstanceId).toBe(instance.resourceId);
      expect(instance.resourceId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(configuration.SecurityGroups.length).toBeGreaterThan(0);
      for (const group of configuration.SecurityGroups)
        expect(groups.has(group.GroupId)).toBe(true);
      expect(configuration.BlockDeviceMappings[0].Ebs.VolumeId).toMatch(/^vol-/);
      expect(configuration.Tags).toContainEqual({ Key: 'Name', Value: instance.name });
    }
    const lambda = resources.find((resource) => resource.resourceType === 'aws.lambda.function')!;
    expect(valuesAt(lambda.configuration, 'Environment.Variables.DB_PASSWORD')[0]).toMatch(/^Pw-/);
    expect(typeDescriptor(driver, 'aws.lambda.function').secretPaths).toContain(
      'Environment.Variables.*',
    );
    const role = resources.find((resource) => resource.resourceType === 'aws.iam.role')!;
    expect(role.resourceId).toMatch(/^arn:aws:iam::123456789012:role\/service-role\//);
  });

  it('azure: ids are ARM ids with slashes', async () => {
    const { resources } = await collect(
      createAzureMockDriver({ config: { seed: 1, resourceCount: 100 } }),
    );
    const machine = resources.find(
      (resource) => resource.resourceType === 'azure.compute.virtualmachine',
    )!;
    expect(machine.resourceId).toMatch(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg-[a-z]+-[a-z]+\/providers\/Microsoft\.Compute\/virtualMachines\/vm-[a-z0-9-]+$/,
    );
    expect(resources.every((resource) => resource.resourceId.startsWith('/subscriptions/'))).toBe(
      true,
    );
  });

  it('cloudflare: DNS record ids are zone-id/record-id and point at zones of the estate', async () => {
    const { resources } = await collect(
      createCloudflareMockDriver({ config: { seed: 1, resourceCount: 200 } }),
    );
    const zones = new Set(
      resources
        .filter((resource) => resource.resourceType === 'cloudflare.zones.zone')
        .map((resource) => resource.resourceId),
    );
    const records = resources.filter(
      (resource) => resource.resourceType === 'cloudflare.zones.dns-record',
    );
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.resourceId).toMatch(/^[0-9a-f]{32}\/[0-9a-f]{32}$/);
      const [zoneId, recordId] = record.resourceId.split('/');
      const configuration = record.configuration as Record<string, unknown>;
      expect(configuration.zone_id).toBe(zoneId);
      expect(configuration.id).toBe(recordId);
      expect(zones.has(zoneId!)).toBe(true);
    }
  });

  it('mongodb-atlas: alert notification keys are declared secrets, connection strings carry no credentials', async () => {
    const driver = createMongoDbAtlasMockDriver({ config: { seed: 1, resourceCount: 100 } });
    const { resources } = await collect(driver);
    const cluster = resources.find(
      (resource) => resource.resourceType === 'mongodb-atlas.cluster',
    )!;
    expect(valuesAt(cluster.configuration, 'connectionStrings.standard')[0]).toMatch(
      /^mongodb:\/\/[^@]+$/,
    );
    expect(typeDescriptor(driver, 'mongodb-atlas.cluster').secretPaths ?? []).toEqual([]);
    expect(typeDescriptor(driver, 'mongodb-atlas.alert').secretPaths).toEqual([
      'notifications[*].apiToken',
      'notifications[*].webhookUrl',
    ]);
    const alert = resources.find((resource) => resource.resourceType === 'mongodb-atlas.alert')!;
    expect(valuesAt(alert.configuration, 'notifications[*].webhookUrl')[0]).toMatch(/^https:/);
    // Ids as the real driver builds them: <groupId>/<cidr>, <groupId>/<clusterName>.
    expect(
      resources.some(
        (resource) =>
          resource.resourceType === 'mongodb-atlas.accesslist' &&
          resource.resourceId.split('/').length === 3,
      ),
    ).toBe(true);
    const schedule = resources.find(
      (resource) => resource.resourceType === 'mongodb-atlas.backup.schedule',
    )!;
    expect(schedule.resourceId).toBe(
      `${schedule.resourceId.split('/')[0]}/${(schedule.configuration as { clusterName: string }).clusterName}`,
    );
  });
});

describe('configuration', () => {
  it('uses config.accountId everywhere, and a per-provider default otherwise', async () => {
    const aws = mockProviders[0]!;
    expect(aws.create().accountId).toBe('123456789012');
    const driver = aws.create({
      config: { accountId: '210987654321', seed: 1, resourceCount: 50 },
    });
    expect(driver.accountId).toBe('210987654321');
    expect(driver.id).toBe('aws-mock-210987654321');
    const { resources } = await collect(driver);
    expect(resources.every((resource) => resource.accountId === '210987654321')).toBe(true);
    expect(
      resources
        .filter((resource) => resource.resourceId.startsWith('arn:'))
        .every((resource) => resource.resourceId.includes('210987654321')),
    ).toBe(true);
  });

  it('config.regions and config.services shape the estate and resourceCount stays exact', async () => {
    const driver = mockProviders[0]!.create({
      config: {
        seed: 2,
        resourceCount: 120,
        regions: ['eu-central-1', 'ap-south-1'],
        services: ['ec2', 'iam', 'aws.lambda.function'],
      },
    });
    const { resources, runtime } = await collect(driver);
    expect(resources).toHaveLength(120);
    expect(new Set(resources.map((resource) => resource.service))).toEqual(
      new Set(['ec2', 'iam', 'lambda']),
    );
    expect(new Set(resources.map((resource) => resource.region))).toEqual(
      new Set(['eu-central-1', 'ap-south-1', 'global']),
    );
    expect(runtime.scopes.map((scope) => `${scope.service}/${scope.region}`).sort()).toEqual(
      [
        'ec2/ap-south-1',
        'ec2/eu-central-1',
        'iam/global',
        'lambda/ap-south-1',
        'lambda/eu-central-1',
      ].sort(),
    );
  });

  it('rejects invalid options with every problem listed', () => {
    const create = () =>
      mockProviders[0]!.create({
        config: {
          resourceCount: -1,
          driftRate: 2,
          failScopes: [{ service: '' }],
          services: ['nope'],
        } as any,
      });
    expect(create).toThrow(ConfigurationError);
    try {
      create();
    } catch (error) {
      expect(ConfigurationError.isInstance(error)).toBe(true);
      expect((error as ConfigurationError).issues.map((issue) => issue.path)).toEqual([
        'config.resourceCount',
        'config.driftRate',
        'config.failScopes[0].service',
      ]);
    }
    expect(() => mockProviders[0]!.create({ config: { services: ['nope'] } })).toThrow(
      /config\.services/,
    );
  });

  it('MockCloudDriver is a generic cloud, or imitates the provider named by config.provider', async () => {
    const generic = await collect(
      createMockCloudDriver({ config: { seed: 1, resourceCount: 30 } }),
    );
    expect(generic.resources).toHaveLength(30);
    expect(generic.resources.every((resource) => resource.resourceType.startsWith('mock.'))).toBe(
      true,
    );
    const digitalOcean = createMockCloudDriver({ config: { provider: 'do-mock' } });
    expect(digitalOcean.catalog.driver).toBe('digitalocean-mock');
    const { resources } = await collect(digitalOcean);
    expect(resources.every((resource) => resource.provider === 'digitalocean')).toBe(true);
    const droplet = resources.find((resource) => resource.resourceType === 'digitalocean.droplet')!;
    expect(
      (droplet.configuration as { tags: unknown[] }).tags.every((tag) => typeof tag === 'string'),
    ).toBe(true);
    expect(() => new MockCloudDriver({ config: { provider: 'nimbus' } })).toThrow(
      ConfigurationError,
    );
  });

  it('the README documents every option, driver, alias and resource type', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const options = [
      'sampleResources',
      'seed',
      'resourceCount',
      'driftRate',
      'deleteRate',
      'failScopes',
      'failAfter',
      'latencyMs',
      'run',
      'services',
      'regions',
      'accountId',
    ];
    for (const option of options) expect(readme).toContain(`\`${option}\``);
    for (const provider of mockProviders) {
      for (const name of [provider.name, ...provider.aliases])
        expect(readme).toContain(`\`${name}\``);
      for (const type of declaredTypes(provider.create())) expect(readme).toContain(`\`${type}\``);
    }
  });
});
