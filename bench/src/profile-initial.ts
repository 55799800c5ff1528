// Profile one initial sync on memory://, outside the harness (the memory case runs in-process there):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=source bench/src/profile-initial.ts 5000 core
import { createCoreEngine, createReferenceEngine } from './bench-engines.ts';
import { BenchEstate } from './bench-estate.ts';

const size = Number(process.argv[2] ?? 5000);
const engineName = process.argv[3] ?? 'core';
const estate = new BenchEstate({ size });
const engine =
  engineName === 'core'
    ? await createCoreEngine('memory', estate)
    : await createReferenceEngine('memory', estate);
await engine.prepare();
const started = performance.now();
const counts = await engine.sync();
const perResource = (performance.now() - started) / size;
console.log(engineName, counts, `${perResource.toFixed(3)} ms per resource`);
await engine.close();
