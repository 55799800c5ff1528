import {
  EC2Client,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, nameTag } from './aws-scope.ts';

type Item = { Tags?: Tag[] } & Record<string, any>;

/** One VPC resource kind: its type, paginated call, items, id and ARN resource part. */
interface VpcKind {
  type: string;
  pages: (client: EC2Client, scope: AwsScope) => AsyncIterable<Record<string, any>>;
  items: (page: Record<string, any>) => Item[] | undefined;
  id: (item: Item) => string | undefined;
  arnResource: string;
  name?: (item: Item) => string | undefined;
}

// NOTE: the page size is each call's documented maximum (5-1000 for most, 5-200 for NAT gateways).
const kinds: VpcKind[] = [
  {
    type: 'aws.vpc.vpc',
    pages: (client, scope) => paginateDescribeVpcs({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.Vpcs,
    id: (item) => item.VpcId,
    arnResource: 'vpc',
  },
  {
    type: 'aws.vpc.subnet',
    pages: (client, scope) => paginateDescribeSubnets({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.Subnets,
    id: (item) => item.SubnetId,
    arnResource: 'subnet',
  },
  {
    type: 'aws.vpc.security-group',
    pages: (client, scope) =>
      paginateDescribeSecurityGroups({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.SecurityGroups,
    id: (item) => item.GroupId,
    arnResource: 'security-group',
    name: (item) => item.GroupName,
  },
  {
    type: 'aws.vpc.route-table',
    pages: (client, scope) =>
      paginateDescribeRouteTables({ client, pageSize: 100 }, {}, scope.call),
    items: (page) => page.RouteTables,
    id: (item) => item.RouteTableId,
    arnResource: 'route-table',
  },
  {
    type: 'aws.vpc.internet-gateway',
    pages: (client, scope) =>
      paginateDescribeInternetGateways({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.InternetGateways,
    id: (item) => item.InternetGatewayId,
    arnResource: 'internet-gateway',
  },
  {
    type: 'aws.vpc.nat-gateway',
    pages: (client, scope) =>
      paginateDescribeNatGateways({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.NatGateways,
    id: (item) => item.NatGatewayId,
    arnResource: 'natgateway',
  },
  {
    type: 'aws.vpc.network-acl',
    pages: (client, scope) =>
      paginateDescribeNetworkAcls({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.NetworkAcls,
    id: (item) => item.NetworkAclId,
    arnResource: 'network-acl',
  },
  {
    type: 'aws.vpc.endpoint',
    pages: (client, scope) =>
      paginateDescribeVpcEndpoints({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.VpcEndpoints,
    id: (item) => item.VpcEndpointId,
    arnResource: 'vpc-endpoint',
    name: (item) => nameTag(item.Tags) ?? item.ServiceName,
  },
  {
    type: 'aws.vpc.peering-connection',
    pages: (client, scope) =>
      paginateDescribeVpcPeeringConnections({ client, pageSize: 1000 }, {}, scope.call),
    items: (page) => page.VpcPeeringConnections,
    id: (item) => item.VpcPeeringConnectionId,
    arnResource: 'vpc-peering-connection',
  },
];

/** VPC: networks, subnets, security groups, route tables, gateways, ACLs, endpoints, peering; tags inline. */
export async function* listVpc(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(EC2Client);
  for (const kind of kinds) {
    if (!scope.selected(kind.type)) continue;
    for await (const page of kind.pages(client, scope)) {
      for (const item of kind.items(page) ?? []) {
        const id = kind.id(item);
        yield scope.resource({
          type: kind.type,
          id,
          name: kind.name?.(item) ?? nameTag(item.Tags) ?? id,
          tags: item.Tags,
          configuration: item,
          arn:
            item.SubnetArn ??
            item.SecurityGroupArn ??
            scope.arn('ec2', `${kind.arnResource}/${id}`),
        });
      }
    }
  }
}
