// Profile nothing-changed syncs on memory:// with a pre-generated listing (the mock estate is listed
// once, before the timed syncs, so the profile shows the engine and not the mock). Only the
// nothing-changed syncs are profiled (the initial sync before them is not), written to the file
// named by the third argument:
//   node --conditions=source bench/src/profile-unchanged.ts 20000 3 /tmp/unchanged.cpuprofile
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { createCoreEngine } from './bench-engines.ts';
import { BenchEstate } from './bench-estate.ts';

const size = Number(process.argv[2] ?? 20000);
const rounds = Number(process.argv[3] ?? 3);
const profileFile = process.argv[4];
const estate = new BenchEstate({ size });
await estate.record();
const engine = await createCoreEngine('memory', estate);
await engine.sync();
estate.commit();
estate.scenario = 'unchanged';
const session = new Session();
if (profileFile) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let round = 0; round < rounds; round += 1) {
  const started = performance.now();
  const counts = await engine.sync();
  const seconds = (performance.now() - started) / 1000;
  console.log(counts, `${(size / seconds).toFixed(0)} unchanged resources/s`);
}
if (profileFile) {
  const { profile } = await session.post('Profiler.stop');
  await writeFile(profileFile, JSON.stringify(profile));
  session.disconnect();
}
await engine.close();
