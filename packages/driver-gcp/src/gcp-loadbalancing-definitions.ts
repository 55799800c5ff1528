import { aggregatedDefinition, globalDefinition } from './gcp-compute-listing.ts';
import type { GcpListingDefinition } from './gcp-resource.ts';

/** Cloud Load Balancing: forwarding rules, backend services, URL maps, target proxies, SSL certificates. */
export const gcpLoadBalancingDefinitions: GcpListingDefinition[] = [
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'forwardingRules',
    permission: 'compute.forwardingRules.list',
    entry: {
      type: 'gcp.loadbalancing.forwarding-rule',
      description: 'Forwarding rule, regional or global (forwardingRules.aggregatedList)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'backendServices',
    permission: 'compute.backendServices.list',
    entry: {
      type: 'gcp.loadbalancing.backend-service',
      description: 'Backend service, regional or global (backendServices.aggregatedList)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'urlMaps',
    permission: 'compute.urlMaps.list',
    entry: {
      type: 'gcp.loadbalancing.url-map',
      description: 'URL map, regional or global (urlMaps.aggregatedList)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'targetHttpProxies',
    permission: 'compute.targetHttpProxies.list',
    entry: {
      type: 'gcp.loadbalancing.target-http-proxy',
      description: 'Target HTTP proxy (targetHttpProxies.aggregatedList)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'targetHttpsProxies',
    permission: 'compute.targetHttpsProxies.list',
    entry: {
      type: 'gcp.loadbalancing.target-https-proxy',
      description: 'Target HTTPS proxy (targetHttpsProxies.aggregatedList)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'targetTcpProxies',
    permission: 'compute.targetTcpProxies.list',
    entry: {
      type: 'gcp.loadbalancing.target-tcp-proxy',
      description: 'Target TCP proxy (targetTcpProxies.aggregatedList)',
    },
  }),
  globalDefinition({
    service: 'loadbalancing',
    collection: 'targetSslProxies',
    permission: 'compute.targetSslProxies.list',
    entry: {
      type: 'gcp.loadbalancing.target-ssl-proxy',
      description: 'Target SSL proxy (targetSslProxies.list)',
    },
  }),
  aggregatedDefinition({
    service: 'loadbalancing',
    collection: 'sslCertificates',
    permission: 'compute.sslCertificates.list',
    entry: {
      type: 'gcp.loadbalancing.ssl-certificate',
      description:
        'SSL certificate, self-managed or Google-managed (sslCertificates.aggregatedList); the certificate, never a private key',
      volatilePaths: ['managed.status', 'managed.domainStatus'],
    },
  }),
];
