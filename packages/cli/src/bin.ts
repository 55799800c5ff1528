#!/usr/bin/env node
import * as nodeModule from 'node:module';
import { isAbsolute, relative } from 'node:path';
import { exitWithParent, needsHeapTuning, runWithHeapTuning } from './heap-tuning.ts';

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 24) {
  process.stderr.write(
    `error: cloud-inventory needs Node.js 24 or later; this is Node.js ${process.versions.node}\nhint: install Node.js 24 (https://nodejs.org) and run it again\n`,
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

function shortPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}

// Started as `node path/to/bin.mjs` from a checkout (./run demo), not an installed bin: say so in hints.
const script = process.argv[1] ?? '';
const programName =
  /bin\.m?[jt]s$/.test(script) && !script.includes('/node_modules/')
    ? `node ${shortPath(script)}`
    : 'cloud-inventory';
const exitCode = await runCli(args, { programName });
// Flush stdout before exiting: exit() here, because driver SDKs or timers may keep the loop alive.
if (process.stdout.writableNeedDrain)
  await new Promise((resolve) => process.stdout.once('drain', resolve));
process.exit(exitCode);
