import { changesCommand } from './changes-command.ts';
import type { CommandDefinition } from './command.ts';
import { demoCommand } from './demo-command.ts';
import { diffCommand } from './diff-command.ts';
import { driversCommand } from './drivers-command.ts';
import { exportCommand } from './export-command.ts';
import { historyCommand } from './history-command.ts';
import { initCommand } from './init-command.ts';
import { listCommand } from './list-command.ts';
import { runCommand } from './run-command.ts';
import { serveCommand } from './serve-command.ts';
import { showCommand } from './show-command.ts';
import { statusCommand } from './status-command.ts';
import { syncCommand } from './sync-command.ts';
import { verifyCommand } from './verify-command.ts';

/** Every command, in the order the help lists them. */
export const commands: readonly CommandDefinition[] = [
  initCommand,
  syncCommand,
  listCommand,
  showCommand,
  historyCommand,
  diffCommand,
  changesCommand,
  exportCommand,
  statusCommand,
  verifyCommand,
  serveCommand,
  driversCommand,
  runCommand,
  demoCommand,
];
