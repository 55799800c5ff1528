import {
  BackupClient,
  GetBackupPlanCommand,
  paginateListBackupPlans,
  paginateListBackupVaults,
  paginateListTags,
} from '@aws-sdk/client-backup';
import { EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { CloudResource } from '@cloud-inventory/core';
import { type AwsScope, collect } from './aws-scope.ts';

/** EFS file systems; tags inline (`Tags` of DescribeFileSystems). */
export async function* listEfs(scope: AwsScope): AsyncGenerator<CloudResource> {
  if (!scope.selected('aws.efs.file-system')) return;
  const client = scope.client(EFSClient);
  for await (const page of paginateDescribeFileSystems({ client, pageSize: 100 }, {}, scope.call)) {
    for (const fileSystem of page.FileSystems ?? []) {
      yield scope.resource({
        type: 'aws.efs.file-system',
        id: fileSystem.FileSystemArn ?? fileSystem.FileSystemId,
        name: fileSystem.Name ?? fileSystem.FileSystemId,
        tags: fileSystem.Tags,
        configuration: fileSystem,
      });
    }
  }
}

async function backupTags(
  client: BackupClient,
  scope: AwsScope,
  arn: string | undefined,
): Promise<Record<string, string>> {
  if (!arn) return {};
  const pages = await collect(
    paginateListTags({ client, pageSize: 100 }, { ResourceArn: arn }, scope.call),
  );
  return Object.assign({}, ...pages.map((page) => page.Tags ?? {}));
}

/** Backup plans (with their rules, GetBackupPlan) and vaults; tags per resource (ListTags). */
export async function* listBackup(scope: AwsScope): AsyncGenerator<CloudResource> {
  const client = scope.client(BackupClient);
  if (scope.selected('aws.backup.plan')) {
    const pages = paginateListBackupPlans({ client, pageSize: 100 }, {}, scope.call);
    for await (const page of pages) {
      const plans = scope.mapConcurrent(page.BackupPlansList ?? [], async (summary) => {
        const reads = scope.reads();
        const [plan, tags] = await Promise.all([
          client.send(new GetBackupPlanCommand({ BackupPlanId: summary.BackupPlanId }), scope.call),
          reads.read('backup:ListTags', () => backupTags(client, scope, summary.BackupPlanArn)),
        ]);
        return { summary, plan, reads, tags: tags ?? {} };
      });
      for await (const { summary, plan, reads, tags } of plans) {
        yield scope.resource({
          type: 'aws.backup.plan',
          id: summary.BackupPlanArn,
          name: summary.BackupPlanName,
          tags,
          configuration: { ...summary, BackupPlan: plan.BackupPlan, Tags: tags },
          reads,
        });
      }
    }
  }
  if (scope.selected('aws.backup.vault')) {
    const pages = paginateListBackupVaults({ client, pageSize: 100 }, {}, scope.call);
    for await (const page of pages) {
      const vaults = scope.mapConcurrent(page.BackupVaultList ?? [], async (vault) => {
        const reads = scope.reads();
        const tags = await reads.read('backup:ListTags', () =>
          backupTags(client, scope, vault.BackupVaultArn),
        );
        return { vault, reads, tags: tags ?? {} };
      });
      for await (const { vault, reads, tags } of vaults) {
        yield scope.resource({
          type: 'aws.backup.vault',
          id: vault.BackupVaultArn,
          name: vault.BackupVaultName,
          tags,
          configuration: { ...vault, Tags: tags },
          reads,
        });
      }
    }
  }
}
