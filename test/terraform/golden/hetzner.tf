# Terraform import blocks (Terraform >= 1.5), written by `cloud-inventory export --format terraform`.
# Put this file next to the providers' configuration, then generate the resources with
#   terraform plan -generate-config-out=generated.tf
# A resource of another region or account than the default provider block needs an alias:
# add `provider = <provider>.<alias>` to its block (they are grouped by cloud and region).
# 36 resources to import, 3 skipped.
#
# Skipped:
#   hetzner-fixtures:hetzner.image:7103: only imported when configuration.type is snapshot (it is backup)
#   hetzner-fixtures:hetzner.iso:3502: no Terraform resource imports hetzner.iso
#   hetzner-fixtures:hetzner.iso:3504: no Terraform resource imports hetzner.iso

# hetzner-fixtures, ash
# hetzner-fixtures:hetzner.floating-ip:803
import {
  to = hcloud_floating_ip.spare
  id = "803"
}
# hetzner-fixtures:hetzner.load-balancer:603
import {
  to = hcloud_load_balancer.us_lb
  id = "603"
}

# hetzner-fixtures, fsn1
# hetzner-fixtures:hetzner.floating-ip:801
import {
  to = hcloud_floating_ip.web_vip
  id = "801"
}
# hetzner-fixtures:hetzner.floating-ip:802
import {
  to = hcloud_floating_ip.web_vip6
  id = "802"
}
# hetzner-fixtures:hetzner.load-balancer:601
import {
  to = hcloud_load_balancer.web_lb
  id = "601"
}
# hetzner-fixtures:hetzner.primary-ip:901
import {
  to = hcloud_primary_ip.web_1_v4
  id = "901"
}
# hetzner-fixtures:hetzner.server:42
import {
  to = hcloud_server.web_1
  id = "42"
}
# hetzner-fixtures:hetzner.server:45
import {
  to = hcloud_server.build_arm
  id = "45"
}
# hetzner-fixtures:hetzner.volume:501
import {
  to = hcloud_volume.web_data
  id = "501"
}

# hetzner-fixtures, global
# hetzner-fixtures:hetzner.firewall:1001
import {
  to = hcloud_firewall.web
  id = "1001"
}
# hetzner-fixtures:hetzner.firewall:1002
import {
  to = hcloud_firewall.ssh
  id = "1002"
}
# hetzner-fixtures:hetzner.firewall:1003
import {
  to = hcloud_firewall.monitoring
  id = "1003"
}
# hetzner-fixtures:hetzner.certificate:7002
import {
  to = hcloud_managed_certificate.api_example_com
  id = "7002"
}
# hetzner-fixtures:hetzner.certificate:7003
import {
  to = hcloud_managed_certificate.new_example_com
  id = "7003"
}
# hetzner-fixtures:hetzner.network:4711
import {
  to = hcloud_network.backend
  id = "4711"
}
# hetzner-fixtures:hetzner.network:4712
import {
  to = hcloud_network.staging
  id = "4712"
}
# hetzner-fixtures:hetzner.network:4713
import {
  to = hcloud_network.empty
  id = "4713"
}
# hetzner-fixtures:hetzner.network.subnet:4711/10.0.1.0/24
import {
  to = hcloud_network_subnet.backend_10_0_1_0_24
  id = "4711-10.0.1.0/24"
}
# hetzner-fixtures:hetzner.network.subnet:4711/10.0.2.0/24
import {
  to = hcloud_network_subnet.backend_10_0_2_0_24
  id = "4711-10.0.2.0/24"
}
# hetzner-fixtures:hetzner.network.subnet:4712/172.16.0.0/24
import {
  to = hcloud_network_subnet.staging_172_16_0_0_24
  id = "4712-172.16.0.0/24"
}
# hetzner-fixtures:hetzner.placement-group:301
import {
  to = hcloud_placement_group.web_spread
  id = "301"
}
# hetzner-fixtures:hetzner.placement-group:302
import {
  to = hcloud_placement_group.db_spread
  id = "302"
}
# hetzner-fixtures:hetzner.placement-group:303
import {
  to = hcloud_placement_group.unused
  id = "303"
}
# hetzner-fixtures:hetzner.image:7101
import {
  to = hcloud_snapshot.web_golden_image
  id = "7101"
}
# hetzner-fixtures:hetzner.image:7102
import {
  to = hcloud_snapshot.before_upgrade
  id = "7102"
}
# hetzner-fixtures:hetzner.ssh-key:2001
import {
  to = hcloud_ssh_key.alice
  id = "2001"
}
# hetzner-fixtures:hetzner.ssh-key:2002
import {
  to = hcloud_ssh_key.bob
  id = "2002"
}
# hetzner-fixtures:hetzner.ssh-key:2003
import {
  to = hcloud_ssh_key.ci
  id = "2003"
}
# hetzner-fixtures:hetzner.certificate:7001
import {
  to = hcloud_uploaded_certificate.www_example_com
  id = "7001"
}

# hetzner-fixtures, hel1
# hetzner-fixtures:hetzner.primary-ip:903
import {
  to = hcloud_primary_ip.reserved
  id = "903"
}
# hetzner-fixtures:hetzner.server:44
import {
  to = hcloud_server.db_1
  id = "44"
}
# hetzner-fixtures:hetzner.volume:502
import {
  to = hcloud_volume.db_data
  id = "502"
}

# hetzner-fixtures, nbg1
# hetzner-fixtures:hetzner.load-balancer:602
import {
  to = hcloud_load_balancer.api_lb
  id = "602"
}
# hetzner-fixtures:hetzner.primary-ip:902
import {
  to = hcloud_primary_ip.web_2_v4
  id = "902"
}
# hetzner-fixtures:hetzner.server:43
import {
  to = hcloud_server.web_2
  id = "43"
}
# hetzner-fixtures:hetzner.volume:503
import {
  to = hcloud_volume.scratch
  id = "503"
}
