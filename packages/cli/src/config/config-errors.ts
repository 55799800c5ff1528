import { ConfigurationError } from '@cloud-inventory/core';
import { UsageError } from '../errors/usage-error.ts';

/** Turn a core ConfigurationError into one usage-error line naming the config file and every bad path. */
export function configurationUsageError(
  error: unknown,
  configPath: string | undefined,
  pathPrefix = '',
): UsageError | undefined {
  if (!ConfigurationError.isInstance(error)) return undefined;
  const problems = error.issues.map(
    (issue) => `${pathPrefix}${issue.path}: expected ${issue.expected}, received ${issue.received}`,
  );
  return new UsageError({
    message: `invalid config${configPath ? ` ${configPath}` : ''}: ${problems.join('; ')}`,
    hint: 'fix the config (the @cloud-inventory/cli README has the reference; `cloud-inventory init` in an empty folder writes a commented example)',
    cause: error,
  });
}
