// The IAM policy statements each resource type needs (verb + OCI policy resource-type), from
// OCI's policy reference ("Details for the Core Services" and the per-service pages). `read`
// includes `inspect`; `inspect` alone is enough for most list calls, `read` also covers GetBucket.

/** Policy statements (after `Allow group <group> to`) a resource type needs, by type. */
export const oraclePermissions: Record<string, string[]> = {
  'oracle.compute.instance': ['read instances in tenancy'],
  'oracle.compute.boot-volume': ['read volume-family in tenancy'],
  'oracle.compute.image': ['read instance-images in tenancy'],
  'oracle.kubernetes.cluster': ['read cluster-family in tenancy'],
  'oracle.kubernetes.nodepool': ['read cluster-family in tenancy'],
  'oracle.database.autonomous-database': ['read autonomous-database-family in tenancy'],
  'oracle.database.db-system': ['read database-family in tenancy'],
  'oracle.blockstorage.volume': ['read volume-family in tenancy'],
  'oracle.objectstorage.bucket': [
    'read buckets in tenancy',
    'read objectstorage-namespaces in tenancy',
  ],
  'oracle.filestorage.file-system': ['read file-family in tenancy'],
  'oracle.vcn.network': ['read virtual-network-family in tenancy'],
  'oracle.vcn.subnet': ['read virtual-network-family in tenancy'],
  'oracle.vcn.security-list': ['read virtual-network-family in tenancy'],
  'oracle.vcn.network-security-group': ['read virtual-network-family in tenancy'],
  'oracle.vcn.route-table': ['read virtual-network-family in tenancy'],
  'oracle.vcn.internet-gateway': ['read virtual-network-family in tenancy'],
  'oracle.vcn.nat-gateway': ['read virtual-network-family in tenancy'],
  'oracle.vcn.service-gateway': ['read virtual-network-family in tenancy'],
  'oracle.loadbalancer.load-balancer': ['read load-balancers in tenancy'],
  'oracle.identity.user': ['inspect users in tenancy'],
  'oracle.identity.group': ['inspect groups in tenancy'],
  'oracle.identity.compartment': ['inspect compartments in tenancy'],
  'oracle.identity.policy': ['read policies in tenancy'],
  'oracle.dns.zone': ['read dns in tenancy'],
};

/** What every run needs: the subscribed regions and the compartment tree. */
export const oracleBasePermissions = [
  'inspect tenancies in tenancy',
  'inspect compartments in tenancy',
];
