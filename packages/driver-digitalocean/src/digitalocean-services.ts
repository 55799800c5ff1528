import { appsService, dropletsService, kubernetesService } from './digitalocean-compute.ts';
import type { DigitalOceanService } from './digitalocean-list.ts';
import {
  cdnService,
  domainsService,
  firewallsService,
  loadBalancersService,
  reservedIpsService,
  sshKeysService,
  vpcService,
} from './digitalocean-networking.ts';
import {
  databasesService,
  registryService,
  snapshotsService,
  volumesService,
} from './digitalocean-storage.ts';

/** The services listed through the API v2, by catalog name (Spaces goes through the S3 API). */
export const digitalOceanApiServices: ReadonlyMap<string, DigitalOceanService> = new Map(
  [
    dropletsService,
    kubernetesService,
    databasesService,
    volumesService,
    snapshotsService,
    loadBalancersService,
    firewallsService,
    vpcService,
    reservedIpsService,
    domainsService,
    cdnService,
    registryService,
    appsService,
    sshKeysService,
  ].map((service) => [service.name, service]),
);
