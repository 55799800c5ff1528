import {
  defineMockProvider,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import { fakePassword, privateIp } from './mock-shared.ts';
import {
  availabilityDomain,
  compartmentOf,
  freeformTags,
  namespaceOf,
  ocid,
  regionKeys,
} from './oracle-mock-helpers.ts';
import { autonomousDatabase, identityUser, kubernetesCluster } from './oracle-mock-platform.ts';

const computeInstance: MockResourceTypeDefinition = {
  type: 'oracle.compute.instance',
  description: 'Compute instance (ListInstances) with its metadata',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['lifecycleState'],
  secretPaths: ['metadata.user_data'],
  identify: (context) => ({
    id: ocid(context, 'instance'),
    name: context.label(['app', 'api', 'batch', 'ords']),
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    const shape = context.pickDrifting(
      ['VM.Standard.E4.Flex', 'VM.Standard.E5.Flex', 'VM.Standard.A1.Flex', 'VM.Standard3.Flex'],
      'shape',
      0,
    );
    return {
      configuration: {
        id: context.id,
        displayName: context.name,
        compartmentId: compartmentOf(context),
        availabilityDomain: availabilityDomain(context),
        faultDomain: `FAULT-DOMAIN-${context.integer(1, 3, 'fault-domain')}`,
        region: context.region,
        shape,
        shapeConfig: {
          ocpus: context.pickDrifting([1, 2, 4, 8], 'ocpus', 2),
          memoryInGBs: 16,
          processorDescription: 'AMD EPYC',
        },
        imageId: `ocid1.image.oc1.${regionKeys[context.region] ?? context.region}.aaaaaaaa${context.hex(52, 'image')}`,
        lifecycleState: context.random('state') < 0.9 ? 'RUNNING' : 'STOPPED',
        timeCreated: context.pastTimestamp(500, 'created'),
        launchMode: 'PARAVIRTUALIZED',
        metadata: {
          ssh_authorized_keys: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${context.hex(40, 'ssh')} opc@${context.name}`,
          // NOTE: base64 cloud-init; carries a password in this fixture, declared as a secret path.
          user_data: Buffer.from(
            `#cloud-config\nchpasswd:\n  list: |\n    opc:${fakePassword(context, 'user-data')}\n`,
          ).toString('base64'),
        },
        freeformTags: tags,
        definedTags: { Operations: { CostCenter: tags.CostCenter } },
      },
      tags: { ...tags, 'Operations.CostCenter': tags.CostCenter },
    };
  },
};

const blockVolume: MockResourceTypeDefinition = {
  type: 'oracle.blockstorage.volume',
  description: 'Block volume (ListVolumes)',
  weight: 2,
  driftAttributes: 3,
  volatilePaths: ['lifecycleState', 'isHydrated'],
  identify: (context) => ({
    id: ocid(context, 'volume'),
    name: `${context.label(['data', 'logs', 'backup'])}-vol`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        id: context.id,
        displayName: context.name,
        compartmentId: compartmentOf(context),
        availabilityDomain: availabilityDomain(context),
        sizeInGBs: context.pick([50, 100, 256, 1024], 'size') + 50 * context.drift(0),
        vpusPerGB: context.pickDrifting([10, 20, 30], 'vpus', 2),
        isHydrated: true,
        lifecycleState: 'AVAILABLE',
        timeCreated: context.pastTimestamp(500, 'created'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

const objectStorageBucket: MockResourceTypeDefinition = {
  type: 'oracle.objectstorage.bucket',
  description: 'Object Storage bucket (GetBucket with approximate count and size)',
  weight: 2,
  driftAttributes: 3,
  volatilePaths: ['etag', 'approximateCount', 'approximateSize'],
  identify: (context) => {
    const name = `${context.pick(['backups', 'exports', 'media', 'logs'], 'bucket')}-${context.uniqueHex(8)}`;
    // The real driver's bucket id: names are unique per namespace and region only.
    return { id: `${context.region}/n/${namespaceOf(context.accountId)}/b/${name}`, name };
  },
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        namespace: namespaceOf(context.accountId),
        name: context.name,
        compartmentId: compartmentOf(context),
        createdBy: `ocid1.user.oc1..aaaaaaaa${context.hex(52, 'creator')}`,
        etag: context.hex(32, 'etag'),
        timeCreated: context.pastTimestamp(900, 'created'),
        storageTier: 'Standard',
        publicAccessType: context.pickDrifting(
          ['NoPublicAccess', 'ObjectRead'],
          'public-access',
          2,
        ),
        versioning: context.pickDrifting(['Enabled', 'Disabled'], 'versioning', 0),
        objectEventsEnabled: false,
        approximateCount: context.volatileGauge(2_000_000, 'count'),
        approximateSize: context.volatileGauge(900_000_000_000, 'size'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

const vcn: MockResourceTypeDefinition = {
  type: 'oracle.vcn.network',
  description: 'Virtual cloud network (ListVcns)',
  volatilePaths: ['lifecycleState'],
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: ocid(context, 'vcn'),
    name: `vcn-${context.label(['prod', 'shared', 'dmz'])}`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    const second = context.index % 256;
    return {
      configuration: {
        id: context.id,
        displayName: context.name,
        compartmentId: compartmentOf(context),
        cidrBlocks: [
          `10.${second}.0.0/16`,
          ...Array.from(
            { length: context.drift(0) },
            (_, position) => `172.${16 + (position % 16)}.${second}.0/24`,
          ),
        ],
        dnsLabel: `vcn${context.index}`,
        lifecycleState: 'AVAILABLE',
        timeCreated: context.pastTimestamp(900, 'created'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

const subnet: MockResourceTypeDefinition = {
  type: 'oracle.vcn.subnet',
  description: 'Subnet (ListSubnets)',
  volatilePaths: ['lifecycleState'],
  weight: 2,
  driftAttributes: 3,
  identify: (context) => ({
    id: ocid(context, 'subnet'),
    name: `subnet-${context.label(['public', 'private', 'db'])}`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    const network = context.reference('oracle.vcn.network', 'vcn');
    return {
      configuration: {
        id: context.id,
        displayName: context.name,
        compartmentId: compartmentOf(context),
        vcnId: network?.id ?? ocid(context, 'vcn'),
        cidrBlock: `10.${context.index % 256}.${context.integer(0, 255, 'cidr')}.0/24`,
        virtualRouterIp: privateIp(context),
        prohibitPublicIpOnVnic: context.pickDrifting([true, false], 'prohibit-public', 0),
        securityListIds: Array.from(
          { length: 1 + context.drift(2) },
          (_, position) =>
            `ocid1.securitylist.oc1.${regionKeys[context.region] ?? context.region}.aaaaaaaa${context.hex(52, `security-list-${position}`)}`,
        ),
        lifecycleState: 'AVAILABLE',
        freeformTags: tags,
      },
      tags,
    };
  },
};

const compartment: MockResourceTypeDefinition = {
  type: 'oracle.identity.compartment',
  description: 'Compartment (ListCompartments)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: ocid(context, 'compartment'),
    name: context.label(['apps', 'network', 'security', 'sandbox']),
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        compartmentId: context.accountId,
        description: context.pickDrifting(
          ['Application workloads', 'Shared networking', 'Security tooling', 'Experiments'],
          'description',
          0,
        ),
        lifecycleState: 'ACTIVE',
        timeCreated: context.pastTimestamp(1200, 'created'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

const policy: MockResourceTypeDefinition = {
  type: 'oracle.identity.policy',
  description: 'IAM policy with its statements (ListPolicies)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => ({
    id: ocid(context, 'policy'),
    name: `${context.label(['admins', 'network-admins', 'readers'])}-policy`,
  }),
  build: (context) => {
    const tags = freeformTags(context, 1);
    const statements = [
      `Allow group ${context.name.replace('-policy', '')} to read all-resources in tenancy`,
      ...Array.from(
        { length: context.drift(0) },
        (_, position) => `Allow group ops-${position + 1} to manage instance-family in tenancy`,
      ),
    ];
    return {
      configuration: {
        id: context.id,
        name: context.name,
        compartmentId: context.accountId,
        description: `Policy ${context.name}`,
        statements,
        lifecycleState: 'ACTIVE',
        timeCreated: context.pastTimestamp(1200, 'created'),
        freeformTags: tags,
      },
      tags,
    };
  },
};

/** Oracle Cloud Infrastructure: compute, OKE, databases, block and object storage, VCNs and identity, named as the real `oracle` driver names them. */
export const oracleMockProvider = defineMockProvider({
  driver: 'oracle-mock',
  provider: 'oracle',
  aliases: ['oci-mock'],
  defaultAccountId: 'ocid1.tenancy.oc1..aaaaaaaamock4inventory7tenancyq2xk5a2lq6dmk4h3f7v2w5n6p',
  regions: ['us-ashburn-1', 'us-phoenix-1', 'eu-frankfurt-1'],
  services: [
    { name: 'compute', description: 'Compute instances', resourceTypes: [computeInstance] },
    { name: 'kubernetes', description: 'OKE clusters', resourceTypes: [kubernetesCluster] },
    { name: 'database', description: 'Autonomous Databases', resourceTypes: [autonomousDatabase] },
    { name: 'blockstorage', description: 'Block volumes', resourceTypes: [blockVolume] },
    {
      name: 'objectstorage',
      description: 'Object Storage buckets',
      resourceTypes: [objectStorageBucket],
    },
    {
      name: 'vcn',
      description: 'Virtual cloud networks and subnets',
      resourceTypes: [vcn, subnet],
    },
    {
      name: 'identity',
      description: 'Users, compartments and policies',
      global: true,
      resourceTypes: [identityUser, compartment, policy],
    },
  ],
});
