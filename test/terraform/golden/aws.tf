# Terraform import blocks (Terraform >= 1.5), written by `cloud-inventory export --format terraform`.
# Put this file next to the providers' configuration, then generate the resources with
#   terraform plan -generate-config-out=generated.tf
# A resource of another region or account than the default provider block needs an alias:
# add `provider = <provider>.<alias>` to its block (they are grouped by cloud and region).
# 134 resources to import, 1 skipped.
#
# Skipped:
#   aws-fixtures:aws.transitgateway.attachment:tgw-attach-0a1b2c3d4e5f60002: only imported when configuration.ResourceType is vpc or peering or connect (it is vpn)

# aws-fixtures, eu-west-1
# aws-fixtures:aws.config.recorder:arn:aws:config:eu-west-1:123456789012:configuration-recorder/default/0a1b2c3d4e5f
import {
  to = aws_config_configuration_recorder.default
  id = "default"
}
# aws-fixtures:aws.config.delivery-channel:eu-west-1/default
import {
  to = aws_config_delivery_channel.default
  id = "default"
}
# aws-fixtures:aws.dynamodb.table:arn:aws:dynamodb:eu-west-1:123456789012:table/eu-orders
import {
  to = aws_dynamodb_table.eu_orders
  id = "eu-orders"
}
# aws-fixtures:aws.ec2.instance:i-0f1e2d3c4b5a60003
import {
  to = aws_instance.eu_web_1
  id = "i-0f1e2d3c4b5a60003"
}
# aws-fixtures:aws.lambda.function:arn:aws:lambda:eu-west-1:123456789012:function:eu-orders-api
import {
  to = aws_lambda_function.eu_orders_api
  id = "eu-orders-api"
}
# aws-fixtures:aws.vpc.vpc:vpc-0f1e2d3c4b5a60003
import {
  to = aws_vpc.eu_main
  id = "vpc-0f1e2d3c4b5a60003"
}

# aws-fixtures, global
# aws-fixtures:aws.cloudfront.distribution:arn:aws:cloudfront::123456789012:distribution/E1A2B3C4D5E6F7
import {
  to = aws_cloudfront_distribution.www_example_com
  id = "E1A2B3C4D5E6F7"
}
# aws-fixtures:aws.cloudfront.distribution:arn:aws:cloudfront::123456789012:distribution/E7F6E5D4C3B2A1
import {
  to = aws_cloudfront_distribution.static_example_com
  id = "E7F6E5D4C3B2A1"
}
# aws-fixtures:aws.iam.role:arn:aws:iam::123456789012:role/app-role
import {
  to = aws_iam_role.app_role
  id = "app-role"
}
# aws-fixtures:aws.iam.role:arn:aws:iam::123456789012:role/lambda-orders-api
import {
  to = aws_iam_role.lambda_orders_api
  id = "lambda-orders-api"
}
# aws-fixtures:aws.iam.user:arn:aws:iam::123456789012:user/alice
import {
  to = aws_iam_user.alice
  id = "alice"
}
# aws-fixtures:aws.iam.user:arn:aws:iam::123456789012:user/deploy-bot
import {
  to = aws_iam_user.deploy_bot
  id = "deploy-bot"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/api.example.com./A
import {
  to = aws_route53_record.api_example_com_a
  id = "Z0123456789ABCDEFGHIJ_api.example.com_A"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/app.example.com./CNAME/blue
import {
  to = aws_route53_record.app_example_com_cname_blue
  id = "Z0123456789ABCDEFGHIJ_app.example.com_CNAME_blue"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/app.example.com./CNAME/green
import {
  to = aws_route53_record.app_example_com_cname_green
  id = "Z0123456789ABCDEFGHIJ_app.example.com_CNAME_green"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/example.com./NS
import {
  to = aws_route53_record.example_com_ns
  id = "Z0123456789ABCDEFGHIJ_example.com_NS"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/example.com./SOA
import {
  to = aws_route53_record.example_com_soa
  id = "Z0123456789ABCDEFGHIJ_example.com_SOA"
}
# aws-fixtures:aws.route53.record-set:Z0123456789ABCDEFGHIJ/www.example.com./A
import {
  to = aws_route53_record.www_example_com_a
  id = "Z0123456789ABCDEFGHIJ_www.example.com_A"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/api.internal.example.com./A
import {
  to = aws_route53_record.api_internal_example_com_a
  id = "Z0987654321JIHGFEDCBA_api.internal.example.com_A"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/app.internal.example.com./CNAME/blue
import {
  to = aws_route53_record.app_internal_example_com_cname_blue
  id = "Z0987654321JIHGFEDCBA_app.internal.example.com_CNAME_blue"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/app.internal.example.com./CNAME/green
import {
  to = aws_route53_record.app_internal_example_com_cname_green
  id = "Z0987654321JIHGFEDCBA_app.internal.example.com_CNAME_green"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/internal.example.com./NS
import {
  to = aws_route53_record.internal_example_com_ns
  id = "Z0987654321JIHGFEDCBA_internal.example.com_NS"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/internal.example.com./SOA
import {
  to = aws_route53_record.internal_example_com_soa
  id = "Z0987654321JIHGFEDCBA_internal.example.com_SOA"
}
# aws-fixtures:aws.route53.record-set:Z0987654321JIHGFEDCBA/www.internal.example.com./A
import {
  to = aws_route53_record.www_internal_example_com_a
  id = "Z0987654321JIHGFEDCBA_www.internal.example.com_A"
}
# aws-fixtures:aws.route53.hosted-zone:arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ
import {
  to = aws_route53_zone.example_com
  id = "Z0123456789ABCDEFGHIJ"
}
# aws-fixtures:aws.route53.hosted-zone:arn:aws:route53:::hostedzone/Z0987654321JIHGFEDCBA
import {
  to = aws_route53_zone.internal_example_com
  id = "Z0987654321JIHGFEDCBA"
}
# aws-fixtures:aws.s3.bucket:arn:aws:s3:::acme-app-assets
import {
  to = aws_s3_bucket.acme_app_assets
  id = "acme-app-assets"
}
# aws-fixtures:aws.s3.bucket:arn:aws:s3:::acme-app-logs-eu
import {
  to = aws_s3_bucket.acme_app_logs_eu
  id = "acme-app-logs-eu"
}
# aws-fixtures:aws.waf.web-acl:arn:aws:waf::123456789012:webacl/0a1b2c3d-4e5f-6a7b-8c9d-000000000000
import {
  to = aws_waf_web_acl.legacy_acl
  id = "0a1b2c3d-4e5f-6a7b-8c9d-000000000000"
}
# aws-fixtures:aws.waf.web-acl:arn:aws:waf::123456789012:webacl/0a1b2c3d-4e5f-6a7b-8c9d-000000000001
import {
  to = aws_waf_web_acl.partner_acl
  id = "0a1b2c3d-4e5f-6a7b-8c9d-000000000001"
}
# aws-fixtures:aws.wafv2.web-acl:arn:aws:wafv2:us-east-1:123456789012:global/webacl/api-acl/1
import {
  to = aws_wafv2_web_acl.cdn_api_acl
  id = "c1b2c3d4-4e5f-6a7b-8c9d-000000000001/cdn-api-acl/CLOUDFRONT"
}
# aws-fixtures:aws.wafv2.web-acl:arn:aws:wafv2:us-east-1:123456789012:global/webacl/app-acl/0
import {
  to = aws_wafv2_web_acl.cdn_app_acl
  id = "c1b2c3d4-4e5f-6a7b-8c9d-000000000000/cdn-app-acl/CLOUDFRONT"
}

# aws-fixtures, us-east-1
# aws-fixtures:aws.acm.certificate:arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000
import {
  to = aws_acm_certificate.app_example_com
  id = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000"
}
# aws-fixtures:aws.acm.certificate:arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0001
import {
  to = aws_acm_certificate.api_example_com
  id = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0001"
}
# aws-fixtures:aws.ec2.image:ami-0abcdef1234567890
import {
  to = aws_ami.golden_image_2024_03
  id = "ami-0abcdef1234567890"
}
# aws-fixtures:aws.apigateway.rest-api:arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e0
import {
  to = aws_api_gateway_rest_api.orders_rest
  id = "a1b2c3d4e0"
}
# aws-fixtures:aws.apigateway.rest-api:arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e1
import {
  to = aws_api_gateway_rest_api.legacy_rest
  id = "a1b2c3d4e1"
}
# aws-fixtures:aws.apigateway.http-api:arn:aws:apigateway:us-east-1::/apis/h1b2c3d4e0
import {
  to = aws_apigatewayv2_api.orders_http
  id = "h1b2c3d4e0"
}
# aws-fixtures:aws.apigateway.websocket-api:arn:aws:apigateway:us-east-1::/apis/h1b2c3d4e1
import {
  to = aws_apigatewayv2_api.chat_websocket
  id = "h1b2c3d4e1"
}
# aws-fixtures:aws.autoscaling.group:arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0a1b2c3d-web-asg:autoScalingGroupName/web-asg
import {
  to = aws_autoscaling_group.web_asg
  id = "web-asg"
}
# aws-fixtures:aws.autoscaling.group:arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0a1b2c3d-worker-asg:autoScalingGroupName/worker-asg
import {
  to = aws_autoscaling_group.worker_asg
  id = "worker-asg"
}
# aws-fixtures:aws.backup.plan:arn:aws:backup:us-east-1:123456789012:backup-plan:0a1b2c3d-0000
import {
  to = aws_backup_plan.daily
  id = "0a1b2c3d-0000"
}
# aws-fixtures:aws.backup.plan:arn:aws:backup:us-east-1:123456789012:backup-plan:0a1b2c3d-0001
import {
  to = aws_backup_plan.monthly
  id = "0a1b2c3d-0001"
}
# aws-fixtures:aws.backup.vault:arn:aws:backup:us-east-1:123456789012:backup-vault:compliance
import {
  to = aws_backup_vault.compliance
  id = "compliance"
}
# aws-fixtures:aws.backup.vault:arn:aws:backup:us-east-1:123456789012:backup-vault:primary
import {
  to = aws_backup_vault.primary
  id = "primary"
}
# aws-fixtures:aws.cloudtrail.trail:arn:aws:cloudtrail:us-east-1:123456789012:trail/data-events
import {
  to = aws_cloudtrail.data_events
  id = "arn:aws:cloudtrail:us-east-1:123456789012:trail/data-events"
}
# aws-fixtures:aws.cloudtrail.trail:arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events
import {
  to = aws_cloudtrail.management_events
  id = "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events"
}
# aws-fixtures:aws.eventbridge.event-bus:arn:aws:events:us-east-1:123456789012:event-bus/default
import {
  to = aws_cloudwatch_event_bus.default
  id = "default"
}
# aws-fixtures:aws.eventbridge.event-bus:arn:aws:events:us-east-1:123456789012:event-bus/orders
import {
  to = aws_cloudwatch_event_bus.orders
  id = "orders"
}
# aws-fixtures:aws.eventbridge.rule:arn:aws:events:us-east-1:123456789012:rule/nightly
import {
  to = aws_cloudwatch_event_rule.nightly
  id = "nightly"
}
# aws-fixtures:aws.eventbridge.rule:arn:aws:events:us-east-1:123456789012:rule/orders/order-cancelled
import {
  to = aws_cloudwatch_event_rule.order_cancelled
  id = "orders/order-cancelled"
}
# aws-fixtures:aws.eventbridge.rule:arn:aws:events:us-east-1:123456789012:rule/orders/order-created
import {
  to = aws_cloudwatch_event_rule.order_created
  id = "orders/order-created"
}
# aws-fixtures:aws.logs.log-group:arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders-api
import {
  to = aws_cloudwatch_log_group.aws_lambda_orders_api
  id = "/aws/lambda/orders-api"
}
# aws-fixtures:aws.logs.log-group:arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web
import {
  to = aws_cloudwatch_log_group.ecs_web
  id = "/ecs/web"
}
# aws-fixtures:aws.cloudwatch.alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:high-cpu
import {
  to = aws_cloudwatch_metric_alarm.high_cpu
  id = "high-cpu"
}
# aws-fixtures:aws.cloudwatch.alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:queue-depth
import {
  to = aws_cloudwatch_metric_alarm.queue_depth
  id = "queue-depth"
}
# aws-fixtures:aws.cloudwatch.alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:service-health
import {
  to = aws_cloudwatch_metric_alarm.service_health
  id = "service-health"
}
# aws-fixtures:aws.cognito.user-pool:arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf000
import {
  to = aws_cognito_user_pool.customers
  id = "us-east-1_AbCdEf000"
}
# aws-fixtures:aws.cognito.user-pool:arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf001
import {
  to = aws_cognito_user_pool.staff
  id = "us-east-1_AbCdEf001"
}
# aws-fixtures:aws.config.recorder:arn:aws:config:us-east-1:123456789012:configuration-recorder/default/0a1b2c3d4e5f
import {
  to = aws_config_configuration_recorder.default_2
  id = "default"
}
# aws-fixtures:aws.config.delivery-channel:us-east-1/default
import {
  to = aws_config_delivery_channel.default_2
  id = "default"
}
# aws-fixtures:aws.vpn.customer-gateway:cgw-0a1b2c3d4e5f60001
import {
  to = aws_customer_gateway.office
  id = "cgw-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.rds.instance:arn:aws:rds:us-east-1:123456789012:db:app-db-1
import {
  to = aws_db_instance.app_db_1
  id = "app-db-1"
}
# aws-fixtures:aws.rds.instance:arn:aws:rds:us-east-1:123456789012:db:app-db-2
import {
  to = aws_db_instance.app_db_2
  id = "app-db-2"
}
# aws-fixtures:aws.vpc.network-acl:acl-0a1b2c3d4e5f60001
import {
  to = aws_default_network_acl.default_acl
  id = "acl-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.vpc:vpc-0a1b2c3d4e5f60002
import {
  to = aws_default_vpc.default
  id = "vpc-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.dynamodb.table:arn:aws:dynamodb:us-east-1:123456789012:table/orders
import {
  to = aws_dynamodb_table.orders
  id = "orders"
}
# aws-fixtures:aws.dynamodb.table:arn:aws:dynamodb:us-east-1:123456789012:table/sessions
import {
  to = aws_dynamodb_table.sessions
  id = "sessions"
}
# aws-fixtures:aws.ebs.snapshot:snap-0a1b2c3d4e5f60001
import {
  to = aws_ebs_snapshot.nightly_1
  id = "snap-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.ebs.snapshot:snap-0a1b2c3d4e5f60002
import {
  to = aws_ebs_snapshot.nightly_2
  id = "snap-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.ebs.volume:vol-0a1b2c3d4e5f60001
import {
  to = aws_ebs_volume.data_1
  id = "vol-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.ebs.volume:vol-0a1b2c3d4e5f60002
import {
  to = aws_ebs_volume.data_2
  id = "vol-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.transitgateway.gateway:tgw-0a1b2c3d4e5f60001
import {
  to = aws_ec2_transit_gateway.core
  id = "tgw-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.transitgateway.attachment:tgw-attach-0a1b2c3d4e5f60001
import {
  to = aws_ec2_transit_gateway_vpc_attachment.main_vpc
  id = "tgw-attach-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.ecr.repository:arn:aws:ecr:us-east-1:123456789012:repository/web
import {
  to = aws_ecr_repository.web
  id = "web"
}
# aws-fixtures:aws.ecr.repository:arn:aws:ecr:us-east-1:123456789012:repository/worker
import {
  to = aws_ecr_repository.worker
  id = "worker"
}
# aws-fixtures:aws.ecs.cluster:arn:aws:ecs:us-east-1:123456789012:cluster/production
import {
  to = aws_ecs_cluster.production
  id = "production"
}
# aws-fixtures:aws.ecs.cluster:arn:aws:ecs:us-east-1:123456789012:cluster/staging
import {
  to = aws_ecs_cluster.staging
  id = "staging"
}
# aws-fixtures:aws.ecs.service:arn:aws:ecs:us-east-1:123456789012:service/production/web
import {
  to = aws_ecs_service.web
  id = "production/web"
}
# aws-fixtures:aws.ecs.service:arn:aws:ecs:us-east-1:123456789012:service/production/worker
import {
  to = aws_ecs_service.worker
  id = "production/worker"
}
# aws-fixtures:aws.ecs.task-definition:arn:aws:ecs:us-east-1:123456789012:task-definition/web:41
import {
  to = aws_ecs_task_definition.web_41
  id = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:41"
}
# aws-fixtures:aws.ecs.task-definition:arn:aws:ecs:us-east-1:123456789012:task-definition/web:42
import {
  to = aws_ecs_task_definition.web_42
  id = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:42"
}
# aws-fixtures:aws.efs.file-system:arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0a1b2c3d4e5f60001
import {
  to = aws_efs_file_system.shared_1
  id = "fs-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.efs.file-system:arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0a1b2c3d4e5f60002
import {
  to = aws_efs_file_system.shared_2
  id = "fs-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.ec2.elastic-ip:eipalloc-0a1b2c3d4e5f60001
import {
  to = aws_eip.web_ip
  id = "eipalloc-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.eks.cluster:arn:aws:eks:us-east-1:123456789012:cluster/production
import {
  to = aws_eks_cluster.production
  id = "production"
}
# aws-fixtures:aws.eks.cluster:arn:aws:eks:us-east-1:123456789012:cluster/staging
import {
  to = aws_eks_cluster.staging
  id = "staging"
}
# aws-fixtures:aws.eks.nodegroup:arn:aws:eks:us-east-1:123456789012:nodegroup/production/production-general/1ec0a1b2-c3d4
import {
  to = aws_eks_node_group.production_production_general
  id = "production:production-general"
}
# aws-fixtures:aws.eks.nodegroup:arn:aws:eks:us-east-1:123456789012:nodegroup/production/production-spot/1ec0a1b2-c3d4
import {
  to = aws_eks_node_group.production_production_spot
  id = "production:production-spot"
}
# aws-fixtures:aws.eks.nodegroup:arn:aws:eks:us-east-1:123456789012:nodegroup/staging/staging-general/1ec0a1b2-c3d4
import {
  to = aws_eks_node_group.staging_staging_general
  id = "staging:staging-general"
}
# aws-fixtures:aws.eks.nodegroup:arn:aws:eks:us-east-1:123456789012:nodegroup/staging/staging-spot/1ec0a1b2-c3d4
import {
  to = aws_eks_node_group.staging_staging_spot
  id = "staging:staging-spot"
}
# aws-fixtures:aws.elasticache.cluster:arn:aws:elasticache:us-east-1:123456789012:cluster:sessions-001
import {
  to = aws_elasticache_cluster.sessions_001
  id = "sessions-001"
}
# aws-fixtures:aws.elasticache.cluster:arn:aws:elasticache:us-east-1:123456789012:cluster:sessions-002
import {
  to = aws_elasticache_cluster.sessions_002
  id = "sessions-002"
}
# aws-fixtures:aws.elb.load-balancer:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-api
import {
  to = aws_elb.legacy_api
  id = "legacy-api"
}
# aws-fixtures:aws.elb.load-balancer:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/legacy-web
import {
  to = aws_elb.legacy_web
  id = "legacy-web"
}
# aws-fixtures:aws.ec2.instance:i-0a1b2c3d4e5f60001
import {
  to = aws_instance.web_1
  id = "i-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.ec2.instance:i-0a1b2c3d4e5f60002
import {
  to = aws_instance.web_2
  id = "i-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.vpc.internet-gateway:igw-0a1b2c3d4e5f60001
import {
  to = aws_internet_gateway.main_igw
  id = "igw-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.ec2.key-pair:key-0a1b2c3d4e5f60001
import {
  to = aws_key_pair.ops_key
  id = "ops-key"
}
# aws-fixtures:aws.kinesis.stream:arn:aws:kinesis:us-east-1:123456789012:stream/audit-events
import {
  to = aws_kinesis_stream.audit_events
  id = "audit-events"
}
# aws-fixtures:aws.kinesis.stream:arn:aws:kinesis:us-east-1:123456789012:stream/clickstream
import {
  to = aws_kinesis_stream.clickstream
  id = "clickstream"
}
# aws-fixtures:aws.kms.key:arn:aws:kms:us-east-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321
import {
  to = aws_kms_key.alias_aws_s3
  id = "0987dcba-09fe-87dc-65ba-ab0987654321"
}
# aws-fixtures:aws.kms.key:arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
import {
  to = aws_kms_key.alias_app_data
  id = "1234abcd-12ab-34cd-56ef-1234567890ab"
}
# aws-fixtures:aws.lambda.function:arn:aws:lambda:us-east-1:123456789012:function:orders-api
import {
  to = aws_lambda_function.orders_api
  id = "orders-api"
}
# aws-fixtures:aws.lambda.function:arn:aws:lambda:us-east-1:123456789012:function:thumbnails
import {
  to = aws_lambda_function.thumbnails
  id = "thumbnails"
}
# aws-fixtures:aws.ec2.launch-template:lt-0a1b2c3d4e5f60001
import {
  to = aws_launch_template.web_template
  id = "lt-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.elbv2.load-balancer:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/app-alb/50dc6c495c0c9188
import {
  to = aws_lb.app_alb
  id = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/app-alb/50dc6c495c0c9188"
}
# aws-fixtures:aws.elbv2.load-balancer:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tcp-nlb/6c2e2b9b7e3f1a2d
import {
  to = aws_lb.tcp_nlb
  id = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tcp-nlb/6c2e2b9b7e3f1a2d"
}
# aws-fixtures:aws.elbv2.target-group:arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app-targets/73e2d6bc24d8a060
import {
  to = aws_lb_target_group.app_targets
  id = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app-targets/73e2d6bc24d8a060"
}
# aws-fixtures:aws.elbv2.target-group:arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tcp-targets/73e2d6bc24d8a061
import {
  to = aws_lb_target_group.tcp_targets
  id = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tcp-targets/73e2d6bc24d8a061"
}
# aws-fixtures:aws.vpc.nat-gateway:nat-0a1b2c3d4e5f60001
import {
  to = aws_nat_gateway.main_nat
  id = "nat-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.rds.cluster:arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora
import {
  to = aws_rds_cluster.orders_aurora
  id = "orders-aurora"
}
# aws-fixtures:aws.vpc.route-table:rtb-0a1b2c3d4e5f60001
import {
  to = aws_route_table.public
  id = "rtb-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.route-table:rtb-0a1b2c3d4e5f60002
import {
  to = aws_route_table.private
  id = "rtb-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.secretsmanager.secret:arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key-AbCdEf
import {
  to = aws_secretsmanager_secret.prod_api_key
  id = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key-AbCdEf"
}
# aws-fixtures:aws.secretsmanager.secret:arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbCdEf
import {
  to = aws_secretsmanager_secret.prod_db_password
  id = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbCdEf"
}
# aws-fixtures:aws.vpc.security-group:sg-0a1b2c3d4e5f60001
import {
  to = aws_security_group.web
  id = "sg-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.security-group:sg-0a1b2c3d4e5f60002
import {
  to = aws_security_group.db
  id = "sg-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.stepfunctions.state-machine:arn:aws:states:us-east-1:123456789012:stateMachine:order-workflow
import {
  to = aws_sfn_state_machine.order_workflow
  id = "arn:aws:states:us-east-1:123456789012:stateMachine:order-workflow"
}
# aws-fixtures:aws.stepfunctions.state-machine:arn:aws:states:us-east-1:123456789012:stateMachine:refund-workflow
import {
  to = aws_sfn_state_machine.refund_workflow
  id = "arn:aws:states:us-east-1:123456789012:stateMachine:refund-workflow"
}
# aws-fixtures:aws.sns.topic:arn:aws:sns:us-east-1:123456789012:alerts
import {
  to = aws_sns_topic.alerts
  id = "arn:aws:sns:us-east-1:123456789012:alerts"
}
# aws-fixtures:aws.sns.topic:arn:aws:sns:us-east-1:123456789012:orders-events
import {
  to = aws_sns_topic.orders_events
  id = "arn:aws:sns:us-east-1:123456789012:orders-events"
}
# aws-fixtures:aws.sqs.queue:arn:aws:sqs:us-east-1:123456789012:orders
import {
  to = aws_sqs_queue.orders
  id = "https://sqs.us-east-1.amazonaws.com/123456789012/orders"
}
# aws-fixtures:aws.sqs.queue:arn:aws:sqs:us-east-1:123456789012:orders-dlq
import {
  to = aws_sqs_queue.orders_dlq
  id = "https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq"
}
# aws-fixtures:aws.ssm.parameter:arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/db-host
import {
  to = aws_ssm_parameter.app_prod_db_host
  id = "/app/prod/db-host"
}
# aws-fixtures:aws.ssm.parameter:arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/feature-flags
import {
  to = aws_ssm_parameter.app_prod_feature_flags
  id = "/app/prod/feature-flags"
}
# aws-fixtures:aws.vpc.subnet:subnet-0a1b2c3d4e5f60001
import {
  to = aws_subnet.app_a
  id = "subnet-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.subnet:subnet-0a1b2c3d4e5f60002
import {
  to = aws_subnet.app_b
  id = "subnet-0a1b2c3d4e5f60002"
}
# aws-fixtures:aws.vpc.vpc:vpc-0a1b2c3d4e5f60001
import {
  to = aws_vpc.main
  id = "vpc-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.endpoint:vpce-0a1b2c3d4e5f60001
import {
  to = aws_vpc_endpoint.s3_endpoint
  id = "vpce-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpc.peering-connection:pcx-0a1b2c3d4e5f60001
import {
  to = aws_vpc_peering_connection.main_to_default
  id = "pcx-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.vpn.connection:vpn-0a1b2c3d4e5f60001
import {
  to = aws_vpn_connection.office_vpn
  id = "vpn-0a1b2c3d4e5f60001"
}
# aws-fixtures:aws.wafv2.web-acl:arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api-acl/1
import {
  to = aws_wafv2_web_acl.api_acl
  id = "r1b2c3d4-4e5f-6a7b-8c9d-000000000001/api-acl/REGIONAL"
}
# aws-fixtures:aws.wafv2.web-acl:arn:aws:wafv2:us-east-1:123456789012:regional/webacl/app-acl/0
import {
  to = aws_wafv2_web_acl.app_acl
  id = "r1b2c3d4-4e5f-6a7b-8c9d-000000000000/app-acl/REGIONAL"
}
