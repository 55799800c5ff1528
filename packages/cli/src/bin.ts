#!/usr/bin/env node
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { exitWithParent, needsHeapTuning, runWithHeapTuning } from './heap-tuning.ts';
import { programNameOf } from './program-name.ts';

const nodeMajor = Number(process.versions.node.split('.')[0]);
// Present when this is packages/cli/dist/bin.mjs of a clone of the repository.
const clonesWrapper = fileURLToPath(new URL('../../../bin/cloud-inventory', import.meta.url));
if (nodeMajor < 24) {
  // In a clone, the wrapper next to the workspace brings the project's own Node 24.
  const hint = existsSync(clonesWrapper)
    ? `in this clone, run ${clonesWrapper} instead (it uses the project's Node 24)`
    : 'install Node.js 24 (https://nodejs.org) and run it again';
  process.stderr.write(
    `error: cloud-inventory needs Node.js 24 or later; this is Node.js ${process.versions.node}\nhint: ${hint}\n`,
  );
  process.exit(1);
}

// sync and run start again with a young generation sized for a worker, not for the machine.
const args = process.argv.slice(2);
if (needsHeapTuning(args)) process.exit(await runWithHeapTuning(process.argv[1] ?? '', args));
exitWithParent();

// Each command is a short process that loads s3db.js and its dependencies; Node's on-disk compile
// cache roughly halves the start-up time after the first run.
nodeModule.enableCompileCache?.();

// A closed pipe (`cloud-inventory export | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { runCli } = await import('./cli.ts');

// How the user started it (the clone's bin/cloud-inventory, `node .../bin.mjs`, an installed bin), for hints.
const programName = programNameOf({
  environment: process.env,
  cwd: process.cwd(),
  cloneRoot: existsSync(clonesWrapper)
    ? fileURLToPath(new URL('../../../', import.meta.url))
    : undefined,
});
const exitCode = await runCli(args, { programName });
// Flush stdout before exiting: exit() here, because driver SDKs or timers may keep the loop alive.
if (process.stdout.writableNeedDrain)
  await new Promise((resolve) => process.stdout.once('drain', resolve));
process.exit(exitCode);
