/** What the README says of one resource type: where its region comes from and the least role it needs. */
export interface AtlasTypeDoc {
  /** Where the region comes from (`global` for project-level objects). */
  region: string;
  /** Least Atlas role that can read it (from the spec's `x-rolesRequirements`). */
  role: string;
}

const projectReadOnly = 'Project Read Only';
const clusterRegion = 'its cluster’s region';

/** Region mapping and least role of every resource type (the OpenAPI spec's `x-rolesRequirements`). */
export const atlasTypeDocs: Record<string, AtlasTypeDoc> = {
  'mongodb-atlas.project': {
    region: '`global`',
    role: 'Organization Read Only (or Member); with `projectIds`: Project Read Only',
  },
  'mongodb-atlas.user': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.accesslist': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.customrole': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.alert': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.integration': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.event': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.datalake': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.privateendpoint': {
    region: '`regionName` (upper case, `-` read as `_`)',
    role: projectReadOnly,
  },
  'mongodb-atlas.networkpeering.container': {
    region: '`regionName` (AWS), `region` (Azure), `global` (GCP)',
    role: projectReadOnly,
  },
  'mongodb-atlas.networkpeering.connection': { region: '`global`', role: projectReadOnly },
  'mongodb-atlas.serverless': { region: '`providerSettings.regionName`', role: projectReadOnly },
  'mongodb-atlas.flex': { region: '`providerSettings.regionName`', role: projectReadOnly },
  'mongodb-atlas.cluster': {
    region: 'highest-`priority` `replicationSpecs[].regionConfigs[].regionName`',
    role: projectReadOnly,
  },
  'mongodb-atlas.backup': { region: clusterRegion, role: projectReadOnly },
  'mongodb-atlas.backup.schedule': { region: clusterRegion, role: projectReadOnly },
  'mongodb-atlas.search.index': {
    region: clusterRegion,
    role: 'Project Data Access Read Only (or Project Search Index Editor)',
  },
};
