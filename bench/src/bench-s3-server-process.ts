// Child process: fauxqs (an S3 emulator from npm) on 127.0.0.1 with the counting proxy in front.
// Sends { direct, counted } to the parent over IPC and runs until it is killed.
import { startFauxqs } from 'fauxqs';
import { startCountingProxy } from './bench-s3-server.ts';

const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
const direct = `http://127.0.0.1:${server.port}`;
const proxy = await startCountingProxy(direct);

const shutdown = async () => {
  await proxy.stop().catch(() => {});
  await server.stop().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('disconnect', () => void shutdown());
process.send?.({ direct, counted: proxy.endpoint });
