import type { VerifyProblem, VerifyReport } from '@cloud-inventory/core';
import type { CliContext } from '../cli-context.ts';
import { UsageError } from '../errors/usage-error.ts';
import { openInventory } from '../inventory/open-inventory.ts';
import { booleanValue, type CommandDefinition, type CommandInput } from './command.ts';

/** `cloud-inventory verify`: check a store's invariants, and with `--repair` rebuild what can be rebuilt. */
export const verifyCommand: CommandDefinition = {
  name: 'verify',
  summary:
    'Check the store after an incident (versions, index, change feed, stuck runs, counters); --repair rebuilds what it can',
  usage: 'verify [cloudId] [--repair]',
  options: {
    repair: {
      type: 'boolean',
      description:
        'Rebuild the index from the snapshots, add missing change-feed entries, mark stuck runs interrupted, fix counters (never touches a version)',
    },
  },
  json: true,
  usesConfig: true,
  usesStore: true,
  positionals: { minimum: 0, maximum: 1 },
  examples: ['verify', 'verify aws-prod', 'verify aws-prod --repair', 'verify --json'],
  async run(context: CliContext, input: CommandInput): Promise<number> {
    const repair = booleanValue(input, 'repair');
    const inventory = await openInventory(context, { requireConfig: false });
    try {
      const { plugin } = inventory;
      const cloudIds = plugin.clouds.map((cloud) => cloud.id);
      const wanted = input.positionals[0];
      if (wanted && !cloudIds.includes(wanted))
        throw new UsageError({
          message: `unknown cloud "${wanted}"`,
          hint: `clouds: ${cloudIds.join(', ')}`,
        });
      const reports: VerifyReport[] = [];
      for (const cloudId of wanted ? [wanted] : cloudIds)
        reports.push(await plugin.verify({ cloudId, repair }));
      if (context.global.json) context.json({ store: inventory.store.display, repair, reports });
      else for (const report of reports) printReport(context, report);
      return reports.every((report) => report.clean) ? 0 : 1;
    } finally {
      await inventory.close();
    }
  },
};

function printReport(context: CliContext, report: VerifyReport): void {
  const palette = context.terminal.out;
  const { checked } = report;
  const counts = `${checked.snapshots} resources, ${checked.indexEntries} index entries, ${checked.changeLogLines} change-feed entries, ${checked.runs} runs`;
  if (report.repaired) {
    context.out(`${palette.cyan(report.cloudId)}: repaired`);
    for (const problem of report.repaired) context.out(`  ${describe(problem)}`);
  }
  const status = report.clean ? palette.green('clean') : palette.red('problems found');
  context.out(`${palette.cyan(report.cloudId)}: ${status} (${counts})`);
  for (const problem of report.problems) {
    context.out(`  ${palette.red(describe(problem))}`);
    if (problem.examples.length > 0) context.out(`    e.g. ${problem.examples.join(', ')}`);
  }
  for (const note of report.notes) context.out(`  ${palette.dim(describe(note))}`);
  if (!report.clean && !report.repaired && report.problems.some((problem) => problem.repairable))
    context.out(
      `  run \`cloud-inventory verify ${report.cloudId} --repair\` to rebuild what can be rebuilt`,
    );
}

function describe(problem: VerifyProblem): string {
  return `${problem.kind} ×${problem.count}: ${problem.description}${problem.repairable ? '' : ' (not repairable: a version is missing; restore it from a backup)'}`;
}
