# Terraform import blocks (Terraform >= 1.5), written by `cloud-inventory export --format terraform`.
# Put this file next to the providers' configuration, then generate the resources with
#   terraform plan -generate-config-out=generated.tf
# A resource of another region or account than the default provider block needs an alias:
# add `provider = <provider>.<alias>` to its block (they are grouped by cloud and region).
# 60 resources to import, 3 skipped.
#
# Skipped:
#   digitalocean-fixtures:digitalocean.registry.repository:example/repo-1: no Terraform resource imports digitalocean.registry.repository
#   digitalocean-fixtures:digitalocean.registry.repository:example/repo-2: no Terraform resource imports digitalocean.registry.repository
#   digitalocean-fixtures:digitalocean.registry.repository:example/team/api: no Terraform resource imports digitalocean.registry.repository

# digitalocean-fixtures, ams3
# digitalocean-fixtures:digitalocean.app:c2a93513-8d9b-4223-9d61-5e7272c81cf5
import {
  to = digitalocean_app.sample_golang
  id = "c2a93513-8d9b-4223-9d61-5e7272c81cf5"
}
# digitalocean-fixtures:digitalocean.database:7e6d5c4b-3a29-4817-b6f5-e4d3c2b1a098
import {
  to = digitalocean_database_cluster.events
  id = "7e6d5c4b-3a29-4817-b6f5-e4d3c2b1a098"
}
# digitalocean-fixtures:digitalocean.snapshot:6372354
import {
  to = digitalocean_droplet_snapshot.stage_1538164999
  id = "6372354"
}
# digitalocean-fixtures:digitalocean.kubernetes.cluster:7a6b8f22-2c5e-4d3a-9c17-1e2f3a4b5c6d
import {
  to = digitalocean_kubernetes_cluster.dev_cluster
  id = "7a6b8f22-2c5e-4d3a-9c17-1e2f3a4b5c6d"
}
# digitalocean-fixtures:digitalocean.kubernetes.nodepool:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b
import {
  to = digitalocean_kubernetes_node_pool.dev_pool
  id = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
}

# digitalocean-fixtures, fra1
# digitalocean-fixtures:digitalocean.app:4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf
import {
  to = digitalocean_app.sample_php
  id = "4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"
}
# digitalocean-fixtures:digitalocean.registry:example
import {
  to = digitalocean_container_registry.example
  id = "example"
}
# digitalocean-fixtures:digitalocean.database:2f9a0c4b-7d8e-4f1a-9b2c-3d4e5f6a7b8c
import {
  to = digitalocean_database_cluster.search
  id = "2f9a0c4b-7d8e-4f1a-9b2c-3d4e5f6a7b8c"
}
# digitalocean-fixtures:digitalocean.droplet:3164412
import {
  to = digitalocean_droplet.stage_example_com
  id = "3164412"
}
# digitalocean-fixtures:digitalocean.kubernetes.cluster:0c41e1a7-5e07-4b0f-a3c0-5b8d9a2d1f11
import {
  to = digitalocean_kubernetes_cluster.staging_cluster
  id = "0c41e1a7-5e07-4b0f-a3c0-5b8d9a2d1f11"
}
# digitalocean-fixtures:digitalocean.kubernetes.nodepool:3a8c2b4e-1d5f-4e6a-8b7c-9d0e1f2a3b4c
import {
  to = digitalocean_kubernetes_node_pool.worker_pool
  id = "3a8c2b4e-1d5f-4e6a-8b7c-9d0e1f2a3b4c"
}
# digitalocean-fixtures:digitalocean.reserved-ip:164.90.1.10
import {
  to = digitalocean_reserved_ip.r_164_90_1_10
  id = "164.90.1.10"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:fra1/eu-archive
import {
  to = digitalocean_spaces_bucket.eu_archive
  id = "fra1,eu-archive"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:fra1/eu-assets
import {
  to = digitalocean_spaces_bucket.eu_assets
  id = "fra1,eu-assets"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:fra1/eu-exports
import {
  to = digitalocean_spaces_bucket.eu_exports
  id = "fra1,eu-exports"
}
# digitalocean-fixtures:digitalocean.volume:7724db7c-e098-11e5-b522-000f53304e51
import {
  to = digitalocean_volume.stage_data
  id = "7724db7c-e098-11e5-b522-000f53304e51"
}

# digitalocean-fixtures, global
# digitalocean-fixtures:digitalocean.cdn.endpoint:19f06b6a-3ace-4315-b086-499a0e521b76
import {
  to = digitalocean_cdn.static_images_nyc3_cdn_digitaloceanspaces_com
  id = "19f06b6a-3ace-4315-b086-499a0e521b76"
}
# digitalocean-fixtures:digitalocean.cdn.endpoint:5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e
import {
  to = digitalocean_cdn.eu_assets_nyc3_cdn_digitaloceanspaces_com
  id = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"
}
# digitalocean-fixtures:digitalocean.cdn.endpoint:a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d
import {
  to = digitalocean_cdn.log_files_nyc3_cdn_digitaloceanspaces_com
  id = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"
}
# digitalocean-fixtures:digitalocean.domain:example.com
import {
  to = digitalocean_domain.example_com
  id = "example.com"
}
# digitalocean-fixtures:digitalocean.domain:example.net
import {
  to = digitalocean_domain.example_net
  id = "example.net"
}
# digitalocean-fixtures:digitalocean.domain:example.org
import {
  to = digitalocean_domain.example_org
  id = "example.org"
}
# digitalocean-fixtures:digitalocean.firewall:a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d
import {
  to = digitalocean_firewall.db_firewall
  id = "a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d"
}
# digitalocean-fixtures:digitalocean.firewall:bb4b2611-3d72-467b-8602-280330ecd65c
import {
  to = digitalocean_firewall.web_firewall
  id = "bb4b2611-3d72-467b-8602-280330ecd65c"
}
# digitalocean-fixtures:digitalocean.firewall:fb6045f1-cf1d-4ca3-bfac-18832663025b
import {
  to = digitalocean_firewall.firewall
  id = "fb6045f1-cf1d-4ca3-bfac-18832663025b"
}
# digitalocean-fixtures:digitalocean.load-balancer:7dbf91fe-cbdb-48dc-8290-c3a181554905
import {
  to = digitalocean_loadbalancer.global_lb_01
  id = "7dbf91fe-cbdb-48dc-8290-c3a181554905"
}
# digitalocean-fixtures:digitalocean.domain.record:example.com/28448429
import {
  to = digitalocean_record.ns
  id = "example.com,28448429"
}
# digitalocean-fixtures:digitalocean.domain.record:example.com/28448430
import {
  to = digitalocean_record.ns_2
  id = "example.com,28448430"
}
# digitalocean-fixtures:digitalocean.domain.record:example.com/28448431
import {
  to = digitalocean_record.ns_3
  id = "example.com,28448431"
}
# digitalocean-fixtures:digitalocean.domain.record:example.com/28448432
import {
  to = digitalocean_record.a
  id = "example.com,28448432"
}
# digitalocean-fixtures:digitalocean.domain.record:example.net/28448600
import {
  to = digitalocean_record.ns_4
  id = "example.net,28448600"
}
# digitalocean-fixtures:digitalocean.domain.record:example.net/28448601
import {
  to = digitalocean_record.mx
  id = "example.net,28448601"
}
# digitalocean-fixtures:digitalocean.domain.record:example.net/28448602
import {
  to = digitalocean_record.txt
  id = "example.net,28448602"
}
# digitalocean-fixtures:digitalocean.domain.record:example.org/28448500
import {
  to = digitalocean_record.ns_5
  id = "example.org,28448500"
}
# digitalocean-fixtures:digitalocean.domain.record:example.org/28448501
import {
  to = digitalocean_record.www_a
  id = "example.org,28448501"
}
# digitalocean-fixtures:digitalocean.domain.record:example.org/28448502
import {
  to = digitalocean_record.blog_cname
  id = "example.org,28448502"
}
# digitalocean-fixtures:digitalocean.ssh-key:289794
import {
  to = digitalocean_ssh_key.other_public_key
  id = "289794"
}
# digitalocean-fixtures:digitalocean.ssh-key:512189
import {
  to = digitalocean_ssh_key.my_ssh_public_key
  id = "512189"
}
# digitalocean-fixtures:digitalocean.ssh-key:512190
import {
  to = digitalocean_ssh_key.ci_deploy_key
  id = "512190"
}

# digitalocean-fixtures, nyc1
# digitalocean-fixtures:digitalocean.kubernetes.cluster:bd5f5959-5e1e-4205-a714-a914373942af
import {
  to = digitalocean_kubernetes_cluster.prod_cluster_01
  id = "bd5f5959-5e1e-4205-a714-a914373942af"
}
# digitalocean-fixtures:digitalocean.kubernetes.nodepool:cdda885e-7663-40c8-bc74-3a036c66545d
import {
  to = digitalocean_kubernetes_node_pool.frontend_pool
  id = "cdda885e-7663-40c8-bc74-3a036c66545d"
}
# digitalocean-fixtures:digitalocean.kubernetes.nodepool:f49f4379-7e7f-4af5-aeb6-0354bd840778
import {
  to = digitalocean_kubernetes_node_pool.backend_pool
  id = "f49f4379-7e7f-4af5-aeb6-0354bd840778"
}
# digitalocean-fixtures:digitalocean.volume:506f78a4-e098-11e5-ad9f-000f53306ae1
import {
  to = digitalocean_volume.example
  id = "506f78a4-e098-11e5-ad9f-000f53306ae1"
}
# digitalocean-fixtures:digitalocean.snapshot:fbe805e8-866b-11e6-96bf-000f53315a41
import {
  to = digitalocean_volume_snapshot.pvc_01_1538164460
  id = "fbe805e8-866b-11e6-96bf-000f53315a41"
}
# digitalocean-fixtures:digitalocean.vpc:5a4981aa-9653-4bd1-bef5-d6bff52042e4
import {
  to = digitalocean_vpc.env_prod_vpc
  id = "5a4981aa-9653-4bd1-bef5-d6bff52042e4"
}
# digitalocean-fixtures:digitalocean.vpc:e0fe0f4d-596a-465e-a902-571ce57b79fa
import {
  to = digitalocean_vpc.default_nyc1
  id = "e0fe0f4d-596a-465e-a902-571ce57b79fa"
}

# digitalocean-fixtures, nyc3
# digitalocean-fixtures:digitalocean.app:5d2f1e0a-9b8c-4d7e-a6f5-4e3d2c1b0a99
import {
  to = digitalocean_app.sample_node
  id = "5d2f1e0a-9b8c-4d7e-a6f5-4e3d2c1b0a99"
}
# digitalocean-fixtures:digitalocean.database:9cc10173-e9ea-4176-9dbc-a4cee4c4ff30
import {
  to = digitalocean_database_cluster.backend
  id = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
}
# digitalocean-fixtures:digitalocean.droplet:3164444
import {
  to = digitalocean_droplet.example_com
  id = "3164444"
}
# digitalocean-fixtures:digitalocean.droplet:3164459
import {
  to = digitalocean_droplet.assets_example_com
  id = "3164459"
}
# digitalocean-fixtures:digitalocean.snapshot:6372321
import {
  to = digitalocean_droplet_snapshot.web_01_1538164460
  id = "6372321"
}
# digitalocean-fixtures:digitalocean.load-balancer:4de7ac8b-495b-4884-9a69-1050c6793cd6
import {
  to = digitalocean_loadbalancer.example_lb_01
  id = "4de7ac8b-495b-4884-9a69-1050c6793cd6"
}
# digitalocean-fixtures:digitalocean.load-balancer:56775c3f-04ab-4fb3-a7ed-40ef9bc8eece
import {
  to = digitalocean_loadbalancer.prod_web_lb_01
  id = "56775c3f-04ab-4fb3-a7ed-40ef9bc8eece"
}
# digitalocean-fixtures:digitalocean.reserved-ip:45.55.96.47
import {
  to = digitalocean_reserved_ip.r_45_55_96_47
  id = "45.55.96.47"
}
# digitalocean-fixtures:digitalocean.reserved-ip:45.55.96.48
import {
  to = digitalocean_reserved_ip.r_45_55_96_48
  id = "45.55.96.48"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:nyc3/backups-nyc
import {
  to = digitalocean_spaces_bucket.backups_nyc
  id = "nyc3,backups-nyc"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:nyc3/log-files
import {
  to = digitalocean_spaces_bucket.log_files
  id = "nyc3,log-files"
}
# digitalocean-fixtures:digitalocean.spaces.bucket:nyc3/static-images
import {
  to = digitalocean_spaces_bucket.static_images
  id = "nyc3,static-images"
}
# digitalocean-fixtures:digitalocean.volume:506f78a4-e098-11e5-ad9f-000f53305eb2
import {
  to = digitalocean_volume.example_2
  id = "506f78a4-e098-11e5-ad9f-000f53305eb2"
}
# digitalocean-fixtures:digitalocean.vpc:d455e75d-4858-4eec-8c95-da2f0a5f93a7
import {
  to = digitalocean_vpc.default_nyc3
  id = "d455e75d-4858-4eec-8c95-da2f0a5f93a7"
}
