import { defineConfig } from 'vitest/config';

// NOTE: the `source` condition resolves workspace packages to their TypeScript sources, so the
// suite runs without a build; only the CLI's subprocess tests use the built binary.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test may reach a cloud's instance metadata service (169.254.169.254): credential chains
    // that fall back to it are told there is none.
    env: { METADATA_SERVER_DETECTION: 'none', AWS_EC2_METADATA_DISABLED: 'true' },
  },
});
