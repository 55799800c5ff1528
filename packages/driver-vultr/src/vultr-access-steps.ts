import type { CloudResource } from '@cloud-inventory/core';
import type { ListStep, ResourceEnrichment } from '@cloud-inventory/driver-kit';
import type { VultrObject } from './vultr-list.ts';
import {
  collectionStep,
  stringField,
  type VultrCollection,
  type VultrRunContext,
} from './vultr-resource.ts';

/** SSH keys: `GET /ssh-keys` (public keys). */
export const vultrSshKeys: VultrCollection = {
  service: 'sshkeys',
  resourceType: 'vultr.ssh-key',
  path: '/ssh-keys',
  key: 'ssh_keys',
  regional: false,
  name: (item) => stringField(item, 'name'),
};

/** Startup scripts: `GET /startup-scripts`. */
export const vultrStartupScripts: VultrCollection = {
  service: 'startupscripts',
  resourceType: 'vultr.startup-script',
  path: '/startup-scripts',
  key: 'startup_scripts',
  regional: false,
  name: (item) => stringField(item, 'name'),
};

/** The enrichment call that reads a startup script's body. */
export const startupScriptCall = 'GET /v2/startup-scripts/{startup-id}';

/**
 * The script's body: the list answer documents no `script` in its example, `GET
 * /startup-scripts/{id}` does (base64). Read only when the list left it out.
 */
async function withScriptBody(
  resource: CloudResource,
  reads: ResourceEnrichment,
  context: VultrRunContext,
  signal: AbortSignal,
): Promise<CloudResource> {
  const listed = resource.configuration as VultrObject;
  if (typeof listed.script === 'string') return resource;
  const body = await reads.read(startupScriptCall, () =>
    context.client.getJson<{ startup_script?: VultrObject }>(
      `/startup-scripts/${encodeURIComponent(resource.resourceId)}`,
      { signal, service: 'startupscripts' },
    ),
  );
  const script = body?.startup_script;
  if (!script || typeof script !== 'object') return resource;
  return { ...resource, configuration: { ...listed, ...script } };
}

/** The steps of what servers are accessed and booted with: SSH keys, startup scripts. */
export function vultrAccessSteps(context: VultrRunContext): ListStep[] {
  return [
    collectionStep(vultrSshKeys, context),
    {
      ...collectionStep(vultrStartupScripts, context),
      enrich: (resource, reads, { signal }) => withScriptBody(resource, reads, context, signal),
    },
  ];
}
