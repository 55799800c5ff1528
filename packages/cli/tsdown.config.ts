import { defineConfig } from 'tsdown';

// NOTE: `src/bin.ts` starts with `#!/usr/bin/env node`; rolldown keeps the shebang on `dist/bin.mjs`.
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: 'esm',
  dts: true,
  clean: true,
  platform: 'node',
  target: 'node24',
});
