export { type CliEnvironment, cliVersion, runCli } from './cli.ts';
export type { CliContext, GlobalOptions } from './cli-context.ts';
export { type CloudInventoryConfig, defineConfig } from './config/define-config.ts';
export { CliError, exitCodes } from './errors/cli-error.ts';
export { UsageError } from './errors/usage-error.ts';
export { workerNodeFlags } from './heap-tuning.ts';
export { createDashboardApp, type DashboardAppOptions } from './serve/dashboard-app.ts';
export { DashboardData } from './serve/dashboard-data.ts';
export { type DashboardServer, startDashboardServer } from './serve/dashboard-server.ts';
