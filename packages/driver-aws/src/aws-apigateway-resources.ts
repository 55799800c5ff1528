import { APIGatewayClient, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, tokenPages } from './aws-scope.ts';

const v2Types: Record<string, string> = {
  HTTP: 'aws.apigateway.http-api',
  WEBSOCKET: 'aws.apigateway.websocket-api',
};

/** API Gateway REST APIs (v1) and HTTP and WebSocket APIs (v2); tags inline (`tags`). */
export async function* listApiGateway(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (scope.selected('aws.apigateway.rest-api')) {
    const client = scope.client(APIGatewayClient);
    for await (const page of paginateGetRestApis({ client, pageSize: 500 }, {}, scope.call)) {
      for (const api of page.items ?? []) {
        yield scope.resource({
          type: 'aws.apigateway.rest-api',
          id: `arn:${scope.partition}:apigateway:${scope.region}::/restapis/${api.id}`,
          name: api.name,
          tags: api.tags,
          configuration: api,
        });
      }
    }
  }
  const wanted = Object.entries(v2Types).filter(([, type]) => scope.selected(type));
  if (wanted.length === 0) return;
  const client = scope.client(ApiGatewayV2Client);
  // NOTE: the v2 SDK ships no paginator for GetApis; it pages with NextToken.
  const pages = tokenPages(
    (NextToken) => client.send(new GetApisCommand({ NextToken, MaxResults: '100' }), scope.call),
    (page) => page.NextToken,
    (page) => page.Items?.length ?? 0,
  );
  for await (const page of pages) {
    for (const api of page.Items ?? []) {
      const type = v2Types[api.ProtocolType ?? ''];
      if (!type || !scope.selected(type)) continue;
      yield scope.resource({
        type,
        id: `arn:${scope.partition}:apigateway:${scope.region}::/apis/${api.ApiId}`,
        name: api.Name,
        tags: api.Tags,
        configuration: api,
      });
    }
  }
}
