import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  paginateDescribeTransitGatewayAttachments,
  paginateDescribeTransitGateways,
} from '@aws-sdk/client-ec2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, nameTag } from './aws-scope.ts';

/** Site-to-Site VPN connections and customer gateways; tags inline. */
export async function* listVpn(scope: AwsScope): AsyncGenerator<CloudResource> {
  const ec2 = scope.client(EC2Client);
  if (scope.selected('aws.vpn.connection')) {
    // NOTE: not paginated. The answer carries each tunnel's pre-shared key in
    // CustomerGatewayConfiguration and Options.TunnelOptions: declared secret paths.
    const answer = await ec2.send(new DescribeVpnConnectionsCommand({}), scope.call);
    for (const connection of answer.VpnConnections ?? []) {
      yield scope.resource({
        type: 'aws.vpn.connection',
        id: connection.VpnConnectionId,
        name: nameTag(connection.Tags) ?? connection.VpnConnectionId,
        tags: connection.Tags,
        configuration: connection,
        arn: scope.arn('ec2', `vpn-connection/${connection.VpnConnectionId}`),
      });
    }
  }
  if (scope.selected('aws.vpn.customer-gateway')) {
    const answer = await ec2.send(new DescribeCustomerGatewaysCommand({}), scope.call);
    for (const gateway of answer.CustomerGateways ?? []) {
      yield scope.resource({
        type: 'aws.vpn.customer-gateway',
        id: gateway.CustomerGatewayId,
        name: nameTag(gateway.Tags) ?? gateway.DeviceName ?? gateway.CustomerGatewayId,
        tags: gateway.Tags,
        configuration: gateway,
        arn: scope.arn('ec2', `customer-gateway/${gateway.CustomerGatewayId}`),
      });
    }
  }
}

/** Transit gateways and their attachments (VPC, VPN, peering, Direct Connect...); tags inline. */
export async function* listTransitGateways(scope: AwsScope): AsyncGenerator<CloudResource> {
  const ec2 = scope.client(EC2Client);
  if (scope.selected('aws.transitgateway.gateway')) {
    const pages = paginateDescribeTransitGateways({ client: ec2, pageSize: 1000 }, {}, scope.call);
    for await (const page of pages) {
      for (const gateway of page.TransitGateways ?? []) {
        yield scope.resource({
          type: 'aws.transitgateway.gateway',
          id: gateway.TransitGatewayId,
          name: nameTag(gateway.Tags) ?? gateway.TransitGatewayId,
          tags: gateway.Tags,
          configuration: gateway,
          arn: gateway.TransitGatewayArn,
        });
      }
    }
  }
  if (scope.selected('aws.transitgateway.attachment')) {
    const pages = paginateDescribeTransitGatewayAttachments(
      { client: ec2, pageSize: 1000 },
      {},
      scope.call,
    );
    for await (const page of pages) {
      for (const attachment of page.TransitGatewayAttachments ?? []) {
        yield scope.resource({
          type: 'aws.transitgateway.attachment',
          id: attachment.TransitGatewayAttachmentId,
          name: nameTag(attachment.Tags) ?? attachment.TransitGatewayAttachmentId,
          tags: attachment.Tags,
          configuration: attachment,
          arn: scope.arn(
            'ec2',
            `transit-gateway-attachment/${attachment.TransitGatewayAttachmentId}`,
          ),
        });
      }
    }
  }
}
