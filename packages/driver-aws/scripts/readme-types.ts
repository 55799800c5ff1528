// Rewrites the generated sections of README.md (resource types, tag strategy, read-only policy)
// from the catalog. Run: node --conditions=source scripts/readme-types.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from './readme-sections.ts';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, renderReadme(readFileSync(file, 'utf8')));
