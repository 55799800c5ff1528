import type { CloudResource } from '@cloud-inventory/core';
import type { AwsScope } from './aws-scope.ts';

/** Lists one service in one scope (region or global). */
export type AwsServiceLister = (scope: AwsScope) => AsyncIterable<CloudResource>;

// NOTE: loaded on demand, so importing the driver loads no SDK client and a run loads only the
// clients of the services it lists.
/** The lister of every catalog service. */
export const awsServiceListers: Record<string, () => Promise<AwsServiceLister>> = {
  ec2: async () => (await import('./aws-ec2-resources.ts')).listEc2,
  ebs: async () => (await import('./aws-ec2-resources.ts')).listEbs,
  autoscaling: async () => (await import('./aws-autoscaling-resources.ts')).listAutoScaling,
  vpc: async () => (await import('./aws-vpc-resources.ts')).listVpc,
  vpn: async () => (await import('./aws-vpn-resources.ts')).listVpn,
  transitgateway: async () => (await import('./aws-vpn-resources.ts')).listTransitGateways,
  elb: async () => (await import('./aws-elb-resources.ts')).listClassicLoadBalancers,
  elbv2: async () => (await import('./aws-elb-resources.ts')).listElbv2,
  ecs: async () => (await import('./aws-ecs-resources.ts')).listEcs,
  eks: async () => (await import('./aws-eks-resources.ts')).listEks,
  lambda: async () => (await import('./aws-lambda-resources.ts')).listLambda,
  s3: async () => (await import('./aws-s3-resources.ts')).listS3,
  rds: async () => (await import('./aws-database-resources.ts')).listRds,
  dynamodb: async () => (await import('./aws-database-resources.ts')).listDynamoDb,
  elasticache: async () => (await import('./aws-database-resources.ts')).listElastiCache,
  efs: async () => (await import('./aws-storage-resources.ts')).listEfs,
  iam: async () => (await import('./aws-iam-resources.ts')).listIam,
  kms: async () => (await import('./aws-security-resources.ts')).listKms,
  secretsmanager: async () => (await import('./aws-secrets-resources.ts')).listSecretsManager,
  ssm: async () => (await import('./aws-secrets-resources.ts')).listSsmParameters,
  acm: async () => (await import('./aws-security-resources.ts')).listAcm,
  cognito: async () => (await import('./aws-security-resources.ts')).listCognito,
  waf: async () => (await import('./aws-waf-resources.ts')).listWafClassic,
  wafv2: async () => (await import('./aws-waf-resources.ts')).listWafv2,
  route53: async () => (await import('./aws-edge-resources.ts')).listRoute53,
  cloudfront: async () => (await import('./aws-edge-resources.ts')).listCloudFront,
  cloudtrail: async () => (await import('./aws-audit-resources.ts')).listCloudTrail,
  config: async () => (await import('./aws-audit-resources.ts')).listConfig,
  sqs: async () => (await import('./aws-messaging-resources.ts')).listSqs,
  sns: async () => (await import('./aws-messaging-resources.ts')).listSns,
  eventbridge: async () => (await import('./aws-integration-resources.ts')).listEventBridge,
  stepfunctions: async () => (await import('./aws-integration-resources.ts')).listStepFunctions,
  kinesis: async () => (await import('./aws-integration-resources.ts')).listKinesis,
  ecr: async () => (await import('./aws-ecs-resources.ts')).listEcr,
  apigateway: async () => (await import('./aws-apigateway-resources.ts')).listApiGateway,
  cloudwatch: async () => (await import('./aws-cloudwatch-resources.ts')).listCloudWatch,
  logs: async () => (await import('./aws-cloudwatch-resources.ts')).listLogs,
  backup: async () => (await import('./aws-storage-resources.ts')).listBackup,
};
