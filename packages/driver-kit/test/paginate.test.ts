import { DriverError } from '@cloud-inventory/core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createFakeProviderServer,
  cursorPages,
  digitalOceanPages,
  type FakeProviderServer,
  hetznerPages,
  linkHeaderPages,
  nextLinkPages,
} from '../../testkit/src/index.ts';
import {
  createHttpClient,
  paginateCursor,
  paginateLinks,
  paginateNextLink,
  paginatePages,
  parseLinkHeader,
} from '../src/index.ts';

let server: FakeProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const items = Array.from({ length: 7 }, (_, index) => ({
  id: index + 1,
  name: `item-${index + 1}`,
}));

async function drain<Item>(iterable: AsyncIterable<Item>): Promise<Item[]> {
  const output: Item[] = [];
  for await (const item of iterable) output.push(item);
  return output;
}

async function rejection(promise: Promise<unknown>): Promise<DriverError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(DriverError.isInstance(error), `expected a DriverError, got ${String(error)}`).toBe(true);
  return error as DriverError;
}

type DigitalOceanBody = {
  droplets: typeof items;
  links: { pages: { next?: string } };
  meta: { total: number };
};
type HetznerBody = { servers: typeof items; meta: { pagination: { next_page: number | null } } };

describe('paginatePages', () => {
  test('walks Hetzner meta.pagination across 3 pages using next_page', async () => {
    server = await createFakeProviderServer({
      routes: { 'GET /v1/servers': hetznerPages({ key: 'servers', items }) },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const pages: number[] = [];
    const listed = await drain(
      paginatePages<(typeof items)[number], HetznerBody>({
        perPage: 3,
        fetchPage: ({ page, perPage }) =>
          client.get('/v1/servers', { query: { page, per_page: perPage } }),
        items: (body) => body.servers,
        isLastPage: ({ body }) => body.meta.pagination.next_page === null,
        onPage: (page) => pages.push(page.itemCount),
      }),
    );
    expect(listed.map((item) => item.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pages).toEqual([3, 3, 1]);
    expect(server.requests.map((entry) => entry.query.page)).toEqual(['1', '2', '3']);
  });

  test('stops on meta.total without fetching an empty page', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v2/droplets': digitalOceanPages({ key: 'droplets', items: items.slice(0, 6) }),
      },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const listed = await drain(
      paginatePages<(typeof items)[number], DigitalOceanBody>({
        perPage: 2,
        fetchPage: ({ page, perPage }) =>
          client.get('/v2/droplets', { query: { page, per_page: perPage } }),
        items: (body) => body.droplets,
        totalItems: (body) => body.meta.total,
      }),
    );
    expect(listed).toHaveLength(6);
    expect(server.requests).toHaveLength(3);
  });

  test('stops on a short page, and on an empty page', async () => {
    server = await createFakeProviderServer({
      routes: { 'GET /v1/servers': hetznerPages({ key: 'servers', items }) },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const fetchPage = ({ page, perPage }: { page: number; perPage: number }) =>
      client.get<HetznerBody>('/v1/servers', { query: { page, per_page: perPage } });
    expect(
      await drain(paginatePages({ perPage: 3, fetchPage, items: (body) => body.servers })),
    ).toHaveLength(7);
    expect(server.requests).toHaveLength(3);
    server.reset();
    // 7 items in pages of 7: the page is full, so the next (empty) one ends it.
    expect(
      await drain(paginatePages({ perPage: 7, fetchPage, items: (body) => body.servers })),
    ).toHaveLength(7);
    expect(server.requests).toHaveLength(2);
  });

  test('detects a server that ignores the page parameter', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/servers': { servers: items.slice(0, 3), meta: { pagination: { next_page: 2 } } },
      },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const error = await rejection(
      drain(
        paginatePages<(typeof items)[number], HetznerBody>({
          perPage: 3,
          label: 'hetzner servers',
          fetchPage: ({ page, perPage }) =>
            client.get('/v1/servers', { query: { page, per_page: perPage } }),
          items: (body) => body.servers,
          isLastPage: ({ body }) => body.meta.pagination.next_page === null,
        }),
      ),
    );
    expect(error.errorClass).toBe('unknown');
    expect(error.message).toContain('repeated a pagination page');
    expect(error.message).toContain('hetzner servers');
    expect(server.requests).toHaveLength(2);
  });

  test('stops after maximumPages', async () => {
    let page = 0;
    const error = await rejection(
      drain(
        paginatePages({
          perPage: 1,
          maximumPages: 5,
          fetchPage: async () => {
            page += 1;
            return { body: [{ id: page }] };
          },
          items: (body) => body,
          isLastPage: () => false,
        }),
      ),
    );
    expect(error.message).toContain('passed 5 pages');
    expect(page).toBe(5);
  });
});

describe('paginateCursor', () => {
  test('passes each cursor to the next request across 3 pages', async () => {
    server = await createFakeProviderServer({
      routes: { 'GET /v2/instances': cursorPages({ items }) },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const listed = await drain(
      paginateCursor<(typeof items)[number], { items: typeof items; next_cursor: string | null }>({
        fetchPage: ({ cursor }) => client.get('/v2/instances', { query: { cursor, limit: 3 } }),
        items: (body) => body.items,
        nextCursor: (body) => body.next_cursor,
      }),
    );
    expect(listed.map((item) => item.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]?.query.cursor).toBeUndefined();
    expect(server.requests[1]?.query.cursor).toBeTruthy();
  });

  test('keeps going over an empty page that carries a cursor (AWS, GCP)', async () => {
    const pages = [
      { items: [1], next: 'a' },
      { items: [], next: 'b' },
      { items: [2], next: undefined },
    ];
    const listed = await drain(
      paginateCursor({
        fetchPage: async ({ cursor }) => ({
          body: pages[cursor === undefined ? 0 : cursor === 'a' ? 1 : 2]!,
        }),
        items: (body) => body.items,
        nextCursor: (body) => body.next,
      }),
    );
    expect(listed).toEqual([1, 2]);
  });

  test('throws when the server repeats a cursor', async () => {
    let calls = 0;
    const error = await rejection(
      drain(
        paginateCursor({
          fetchPage: async () => {
            calls += 1;
            return { body: { items: [calls], next: calls === 1 ? 'token-a' : 'token-b' } };
          },
          items: (body) => body.items,
          nextCursor: (body) => body.next,
        }),
      ),
    );
    expect(error.message).toContain('repeated a pagination cursor (token-b)');
    expect(calls).toBe(3);
  });
});

describe('paginateLinks and paginateNextLink', () => {
  test('follows DigitalOcean links.pages.next across 3 pages', async () => {
    server = await createFakeProviderServer({
      routes: { 'GET /v2/droplets': digitalOceanPages({ key: 'droplets', items }) },
    });
    const client = createHttpClient({ baseUrl: `${server.url}/v2` });
    const listed = await drain(
      paginateLinks<(typeof items)[number], DigitalOceanBody>({
        firstUrl: '/droplets?per_page=3',
        fetchPage: ({ url }) => client.get(url),
        items: (body) => body.droplets,
      }),
    );
    expect(listed).toHaveLength(7);
    expect(server.requests.map((entry) => entry.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  test('follows an RFC 5988 Link header', async () => {
    server = await createFakeProviderServer({
      routes: { 'GET /v4/things': linkHeaderPages({ items }) },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const listed = await drain(
      paginateLinks<(typeof items)[number], typeof items>({
        firstUrl: '/v4/things?per_page=2',
        fetchPage: ({ url }) => client.get(url),
        items: (body) => body,
      }),
    );
    expect(listed).toHaveLength(7);
    expect(server.requests).toHaveLength(4);
    expect(
      parseLinkHeader('<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"'),
    ).toEqual({
      next: 'https://a/x?page=2',
      last: 'https://a/x?page=9',
    });
  });

  test('follows Azure nextLink across 3 pages', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /subscriptions/:subscription/providers/Microsoft.Compute/virtualMachines':
          nextLinkPages({ items, pageSize: 3 }),
      },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const listed = await drain(
      paginateNextLink<(typeof items)[number], { value: typeof items }>({
        firstUrl:
          '/subscriptions/sub-1/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01',
        fetchPage: ({ url }) => client.get(url),
        items: (body) => body.value,
      }),
    );
    expect(listed.map((item) => item.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((entry) => entry.query['api-version'] === '2024-07-01')).toBe(
      true,
    );
  });

  test('throws when the next link points back to a visited page', async () => {
    server = await createFakeProviderServer({
      routes: {
        'GET /v1/loop': (request) => ({
          body: { value: [1], nextLink: `${request.url.origin}/v1/loop?page=1` },
        }),
      },
    });
    const client = createHttpClient({ baseUrl: server.url });
    const error = await rejection(
      drain(
        paginateNextLink({
          firstUrl: `${server.url}/v1/loop`,
          fetchPage: ({ url }) => client.get<{ value: number[] }>(url),
          items: (body) => body.value,
        }),
      ),
    );
    expect(error.message).toContain('repeated a pagination URL');
    expect(server.requests).toHaveLength(2);
  });
});
