import {
  defineMockProvider,
  type MockBuildContext,
  type MockIdentityContext,
  type MockResourceTypeDefinition,
} from '../mock-provider-definition.ts';
import {
  environmentOf,
  fakePassword,
  ownershipTags,
  publicIp,
  teams,
  uuid,
} from './mock-shared.ts';

function resourceGroup(context: MockIdentityContext): string {
  return `rg-${context.pick(teams, 'tag.team')}-${environmentOf(context)}`;
}

function armId(context: MockIdentityContext, provider: string, name: string): string {
  return `/subscriptions/${context.accountId}/resourceGroups/${resourceGroup(context)}/providers/${provider}/${name}`;
}

function azureTags(context: MockBuildContext, attribute: number): Record<string, string> {
  const tags = ownershipTags(context, attribute);
  return {
    environment: tags.environment,
    team: tags.team,
    costCenter: tags.costCenter,
    owner: tags.owner,
  };
}

const virtualMachine: MockResourceTypeDefinition = {
  type: 'azure.compute.virtualmachine',
  description: 'Virtual machine with its instance view (virtualMachines.listAll)',
  weight: 4,
  driftAttributes: 3,
  volatilePaths: ['properties.instanceView.statuses[*].time'],
  secretPaths: ['properties.osProfile.customData'],
  identify: (context) => {
    const name = `vm-${context.label(['web', 'api', 'worker', 'jump'])}`;
    return { id: armId(context, 'Microsoft.Compute', `virtualMachines/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    const disk = context.reference('azure.disks.disk', 'os-disk');
    const running = context.random('power') < 0.85;
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Compute/virtualMachines',
        location: context.region,
        tags,
        zones: [context.pick(['1', '2', '3'], 'zone')],
        properties: {
          vmId: uuid(context, 'vm-id'),
          hardwareProfile: {
            vmSize: context.pickDrifting(
              ['Standard_B2s', 'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_E4s_v5'],
              'size',
              0,
            ),
          },
          storageProfile: {
            imageReference: {
              publisher: 'Canonical',
              offer: 'ubuntu-24_04-lts',
              sku: 'server',
              version: 'latest',
            },
            osDisk: {
              osType: 'Linux',
              name: disk?.name ?? `${context.name}-osdisk`,
              createOption: 'FromImage',
              managedDisk: {
                id: disk?.id ?? armId(context, 'Microsoft.Compute', `disks/${context.name}-osdisk`),
              },
            },
          },
          osProfile: {
            computerName: context.name,
            adminUsername: 'azureuser',
            // NOTE: custom data is a cloud-init script and routinely carries credentials.
            customData: Buffer.from(
              `#cloud-config\npassword: ${fakePassword(context, 'custom-data')}\n`,
            ).toString('base64'),
            linuxConfiguration: { disablePasswordAuthentication: true },
          },
          networkProfile: {
            networkInterfaces: [
              { id: armId(context, 'Microsoft.Network', `networkInterfaces/${context.name}-nic`) },
            ],
          },
          diagnosticsProfile: {
            bootDiagnostics: {
              enabled: context.pickDrifting([true, false], 'boot-diagnostics', 2),
            },
          },
          provisioningState: 'Succeeded',
          timeCreated: context.pastTimestamp(500, 'created'),
          instanceView: {
            statuses: [
              {
                code: 'ProvisioningState/succeeded',
                level: 'Info',
                time: context.volatileTimestamp('provisioned'),
              },
              { code: running ? 'PowerState/running' : 'PowerState/deallocated', level: 'Info' },
            ],
          },
        },
      },
      tags,
    };
  },
};

const managedDisk: MockResourceTypeDefinition = {
  type: 'azure.disks.disk',
  description: 'Managed disk (disks.list)',
  weight: 2,
  driftAttributes: 3,
  identify: (context) => {
    const name = `disk-${context.label(['os', 'data', 'logs'])}`;
    return { id: armId(context, 'Microsoft.Compute', `disks/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Compute/disks',
        location: context.region,
        tags,
        sku: {
          name: context.pickDrifting(['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS'], 'sku', 2),
          tier: 'Premium',
        },
        properties: {
          diskSizeGB: context.pick([32, 64, 128, 512], 'size') + 32 * context.drift(0),
          diskState: context.random('attached') < 0.8 ? 'Attached' : 'Unattached',
          encryption: { type: 'EncryptionAtRestWithPlatformKey' },
          provisioningState: 'Succeeded',
          timeCreated: context.pastTimestamp(500, 'created'),
        },
      },
      tags,
    };
  },
};

const virtualNetwork: MockResourceTypeDefinition = {
  type: 'azure.network.virtualnetwork',
  description: 'Virtual network with its subnets (virtualNetworks.listAll)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = `vnet-${context.label(['hub', 'spoke', 'shared'])}`;
    return { id: armId(context, 'Microsoft.Network', `virtualNetworks/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    const second = context.index % 256;
    const subnets = Array.from({ length: 2 + context.drift(0) }, (_, position) => ({
      id: `${context.id}/subnets/snet-${position + 1}`,
      name: `snet-${position + 1}`,
      properties: {
        addressPrefix: `10.${second}.${position}.0/24`,
        provisioningState: 'Succeeded',
      },
    }));
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Network/virtualNetworks',
        location: context.region,
        tags,
        properties: {
          addressSpace: { addressPrefixes: [`10.${second}.0.0/16`] },
          subnets,
          enableDdosProtection: false,
          provisioningState: 'Succeeded',
        },
      },
      tags,
    };
  },
};

const networkSecurityGroup: MockResourceTypeDefinition = {
  type: 'azure.network.networksecuritygroup',
  description: 'Network security group with its rules (networkSecurityGroups.listAll)',
  weight: 2,
  driftAttributes: 2,
  identify: (context) => {
    const name = `nsg-${context.label(['web', 'db', 'mgmt'])}`;
    return { id: armId(context, 'Microsoft.Network', `networkSecurityGroups/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    const rule = (name: string, priority: number, port: string, source: string) => ({
      id: `${context.id}/securityRules/${name}`,
      name,
      properties: {
        protocol: 'Tcp',
        sourcePortRange: '*',
        destinationPortRange: port,
        sourceAddressPrefix: source,
        destinationAddressPrefix: '*',
        access: 'Allow',
        priority,
        direction: 'Inbound',
      },
    });
    const added = Array.from({ length: context.drift(0) }, (_, position) =>
      rule(`allow-app-${position + 1}`, 200 + position, String(8000 + position), 'VirtualNetwork'),
    );
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Network/networkSecurityGroups',
        location: context.region,
        tags,
        properties: {
          securityRules: [
            rule('allow-https', 100, '443', 'Internet'),
            rule('allow-ssh-vpn', 110, '22', '10.0.0.0/8'),
            ...added,
          ],
          provisioningState: 'Succeeded',
        },
      },
      tags,
    };
  },
};

const publicIpAddress: MockResourceTypeDefinition = {
  type: 'azure.network.publicipaddress',
  description: 'Public IP address (publicIPAddresses.listAll)',
  weight: 1,
  driftAttributes: 2,
  identify: (context) => {
    const name = `pip-${context.label(['lb', 'gateway', 'bastion'])}`;
    return { id: armId(context, 'Microsoft.Network', `publicIPAddresses/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Network/publicIPAddresses',
        location: context.region,
        tags,
        sku: { name: 'Standard', tier: 'Regional' },
        properties: {
          ipAddress: publicIp(context),
          publicIPAllocationMethod: 'Static',
          publicIPAddressVersion: 'IPv4',
          idleTimeoutInMinutes: context.pickDrifting([4, 10, 15, 30], 'idle-timeout', 0),
          provisioningState: 'Succeeded',
        },
      },
      tags,
    };
  },
};

const storageAccount: MockResourceTypeDefinition = {
  type: 'azure.storage.account',
  description: 'Storage account (storageAccounts.list)',
  weight: 2,
  driftAttributes: 3,
  identify: (context) => {
    // Storage account names: 3-24 lowercase letters and digits, globally unique.
    const name = `st${environmentOf(context)}${context.uniqueHex(12)}`.slice(0, 24);
    return { id: armId(context, 'Microsoft.Storage', `storageAccounts/${name}`), name };
  },
  build: (context) => {
    const tags = azureTags(context, 1);
    return {
      configuration: {
        id: context.id,
        name: context.name,
        type: 'Microsoft.Storage/storageAccounts',
        location: context.region,
        tags,
        kind: 'StorageV2',
        sku: {
          name: context.pickDrifting(['Standard_LRS', 'Standard_GRS', 'Standard_ZRS'], 'sku', 0),
          tier: 'Standard',
        },
        properties: {
          accessTier: 'Hot',
          minimumTlsVersion: context.pickDrifting(['TLS1_2', 'TLS1_0'], 'tls', 2),
          allowBlobPublicAccess: false,
          supportsHttpsTrafficOnly: true,
          encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true } } },
          primaryEndpoints: {
            blob: `https://${context.name}.blob.core.windows.net/`,
            file: `https://${context.name}.file.core.windows.net/`,
          },
          creationTime: context.pastTimestamp(900, 'created'),
          provisioningState: 'Succeeded',
        },
      },
      tags,
    };
  },
};

/** Microsoft Azure: compute, disks, network and storage, with ARM ids (type names as the real `azure` driver's) (`/subscriptions/.../providers/...`). */
export const azureMockProvider = defineMockProvider({
  driver: 'azure-mock',
  provider: 'azure',
  aliases: ['az-mock'],
  defaultAccountId: '8c3a0f5e-2d4b-4e61-9f7a-1b2c3d4e5f60',
  regions: ['eastus', 'westeurope', 'southeastasia'],
  services: [
    { name: 'compute', description: 'Virtual machines', resourceTypes: [virtualMachine] },
    { name: 'disks', description: 'Managed disks', resourceTypes: [managedDisk] },
    {
      name: 'network',
      description: 'Virtual networks, network security groups and public IPs',
      resourceTypes: [virtualNetwork, networkSecurityGroup, publicIpAddress],
    },
    { name: 'storage', description: 'Storage accounts', resourceTypes: [storageAccount] },
  ],
});
