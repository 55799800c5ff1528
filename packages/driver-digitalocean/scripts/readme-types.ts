// Prints the generated "Services and resource types" section of README.md (markers included).
// Run: pnpm --filter @cloud-inventory/driver-digitalocean readme-types
import { renderReadmeSection } from './digitalocean-readme-types.ts';

process.stdout.write(`${renderReadmeSection()}\n`);
