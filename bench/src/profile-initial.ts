// Profile one initial sync on memory://, outside the harness (the memory case runs in-process there).
// The listing is recorded first (the mock is not what is measured); with a fourth argument only the
// sync is profiled, written to that file:
// BENCH_BACKEND=file runs it on file:// instead; BENCH_ALLOCATIONS=<file> samples the sync's
// allocations (collected ones included) instead; BENCH_MARK_TIMES=1 prints when the sync starts
// (to read a --trace-gc log). It prints wall and CPU milliseconds per resource.
//   node --conditions=source bench/src/profile-initial.ts 5000 core /tmp/initial.cpuprofile
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=source bench/src/profile-initial.ts 5000 reference
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { type BenchBackend, createCoreEngine, createReferenceEngine } from './bench-engines.ts';
import { BenchEstate } from './bench-estate.ts';

const size = Number(process.argv[2] ?? 5000);
const engineName = process.argv[3] ?? 'core';
const profileFile = process.argv[4];
const backend = (process.env.BENCH_BACKEND ?? 'memory') as BenchBackend;
const estate = new BenchEstate({ size });
await estate.record();
const engine =
  engineName === 'core'
    ? await createCoreEngine(backend, estate)
    : await createReferenceEngine(backend, estate);
await engine.prepare();
const session = new Session();
if (profileFile) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
// BENCH_ALLOCATIONS=<file>: sample every allocation of the sync (collected ones included) instead.
const allocationsFile = process.env.BENCH_ALLOCATIONS;
if (allocationsFile) {
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
}
const started = performance.now();
if (process.env.BENCH_MARK_TIMES) console.log(`sync starts at ${started.toFixed(0)} ms`);
const cpuStarted = process.cpuUsage();
const counts = await engine.sync();
const perResource = (performance.now() - started) / size;
const cpu = process.cpuUsage(cpuStarted);
const cpuPerResource = (cpu.user + cpu.system) / 1000 / size;
if (profileFile) {
  const { profile } = await session.post('Profiler.stop');
  await writeFile(profileFile, JSON.stringify(profile));
  session.disconnect();
}
if (allocationsFile) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  await writeFile(allocationsFile, JSON.stringify(profile));
  session.disconnect();
}
console.log(
  engineName,
  counts,
  `${perResource.toFixed(3)} ms per resource, ${cpuPerResource.toFixed(3)} ms CPU per resource`,
);
await engine.close();
