export { type CliEnvironment, cliVersion, runCli } from './cli.ts';
export type { CliContext, GlobalOptions } from './cli-context.ts';
export { type CloudInventoryConfig, defineConfig } from './config/define-config.ts';
export { CliError, exitCodes } from './errors/cli-error.ts';
export { UsageError } from './errors/usage-error.ts';
export { workerNodeFlags } from './heap-tuning.ts';
