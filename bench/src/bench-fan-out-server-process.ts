// Child process: the testkit's fake provider server for the fan-out benchmark, in a process of its
// own (as a real provider would be), so its CPU is not the fan-out's. IPC: sends { url }; answers
// 'count' with { count, connections } (requests served and connections accepted so far).
import { createFakeProviderServer, pageNumberPages } from '@cloud-inventory/testkit';

interface FakeItem {
  id: string;
  region: string;
  service: string;
}

const latencyMs = Number(process.env.BENCH_FAN_OUT_LATENCY_MS ?? 50);
const itemsPerPage = Number(process.env.BENCH_FAN_OUT_ITEMS_PER_PAGE ?? 5);
const pagesPerScope = Number(process.env.BENCH_FAN_OUT_PAGES ?? 2);

const server = await createFakeProviderServer({
  latencyMs,
  routes: [
    {
      path: '/v1/:service',
      handler: pageNumberPages<FakeItem>({
        items: (request) => {
          const service = String(request.params.service);
          const region = String(request.query.region);
          return Array.from({ length: pagesPerScope * itemsPerPage }, (_, index) => ({
            id: `${service}-${region}-${index}`,
            region,
            service,
          }));
        },
        defaultPerPage: itemsPerPage,
        render: (pageItems, info) => ({
          items: pageItems,
          next: info.nextUrl ? info.page + 1 : null,
        }),
      }),
    },
  ],
});

process.on('message', (message) => {
  if (message === 'count')
    process.send?.({ count: server.requests.length, connections: server.connectionCount });
});
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
process.send?.({ url: server.url });
