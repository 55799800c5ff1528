import {
  byId,
  createTestRuntime,
  type FakeProviderServer,
  listAll,
} from '@cloud-inventory/testkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDriver, startAtlasApi } from './atlas-test-helpers.ts';
import {
  type AtlasEstate,
  createAtlasEstate,
  hoursAgo,
  projectId,
} from './fixtures/atlas-estate.ts';

const eventsPath = `/api/atlas/v2/groups/${projectId}/events`;
const dayMs = 24 * 3_600_000;

function minDatesAsked(server: FakeProviderServer): number[] {
  return server
    .requestsTo(eventsPath)
    .filter((entry) => entry.status === 200 && entry.query.pageNum === '1')
    .map((entry) => Date.parse(entry.query.minDate ?? ''));
}

describe('mongodb-atlas events', () => {
  let estate: AtlasEstate;
  let server: FakeProviderServer;
  beforeEach(async () => {
    estate = createAtlasEstate();
    // One event older than the first run's window: it is never asked for.
    estate.events.unshift({
      ...estate.events[0]!,
      id: '6607a1b2c3d4e5f6a7b8c900',
      created: hoursAgo(24 * 9),
    });
    server = await startAtlasApi(estate);
  });
  afterEach(async () => {
    await server.close();
  });

  test('a first run lists the last 7 days and checkpoints the newest event per project', async () => {
    const startedAt = Date.now();
    const { resources, runtime } = await listAll(
      createTestDriver(server, { services: ['events'] }),
    );
    expect([...byId(resources, 'mongodb-atlas.event').keys()].sort()).toEqual([
      '6607a1b2c3d4e5f6a7b8c901',
      '6607a1b2c3d4e5f6a7b8c902',
      '6607a1b2c3d4e5f6a7b8c903',
    ]);
    const [minDate] = minDatesAsked(server);
    expect(Math.abs(minDate! - (startedAt - 7 * dayMs))).toBeLessThan(60_000);
    expect(runtime.checkpoints.at(-1)).toEqual({
      events: expect.objectContaining({ [projectId]: estate.events.at(-1)!.created }),
    });
  });

  test('a second run starts at the checkpoint and lists only what is newer', async () => {
    const first = await listAll(createTestDriver(server, { services: ['events'] }));
    const checkpoint = first.runtime.checkpoints.at(-1);
    estate.events.push({
      ...estate.events.at(-1)!,
      id: '6607a1b2c3d4e5f6a7b8c904',
      eventTypeName: 'CLUSTER_UPDATE_STARTED',
      created: hoursAgo(1),
    });
    server.reset();
    const runtime = createTestRuntime({ checkpoint });
    const second = await listAll(createTestDriver(server, { services: ['events'] }), { runtime });
    expect(minDatesAsked(server)).toEqual([Date.parse(estate.events.at(-2)!.created)]);
    // The boundary event (minDate is inclusive) and the new one.
    expect([...byId(second.resources, 'mongodb-atlas.event').keys()].sort()).toEqual([
      '6607a1b2c3d4e5f6a7b8c903',
      '6607a1b2c3d4e5f6a7b8c904',
    ]);
    expect(runtime.checkpoints.at(-1)).toEqual({
      events: expect.objectContaining({ [projectId]: estate.events.at(-1)!.created }),
    });
  });

  test('a listing from a checkpoint is complete for no type: events it does not return again are never deleted', async () => {
    const first = await listAll(createTestDriver(server, { services: ['events'] }));
    // A first listing (no checkpoint) holds every event of the window: complete for the type.
    expect(first.runtime.scopeFor('events', 'global')).toMatchObject({
      status: 'complete',
      resourceCount: 3,
      resourceTypes: ['mongodb-atlas.event'],
    });
    const runtime = createTestRuntime({ checkpoint: first.runtime.checkpoints.at(-1) });
    await listAll(createTestDriver(server, { services: ['events'] }), { runtime });
    expect(runtime.scopeFor('events', 'global')).toMatchObject({
      status: 'complete',
      resourceCount: 1,
      resourceTypes: [],
    });
  });

  test('a failed events listing leaves the checkpoint where it was', async () => {
    server.injectFault({ path: eventsPath, status: 500, times: Number.POSITIVE_INFINITY });
    const runtime = createTestRuntime({ checkpoint: { events: { [projectId]: hoursAgo(50) } } });
    await listAll(createTestDriver(server, { services: ['events'] }), { runtime });
    expect(runtime.scopeFor('events')?.status).toBe('failed');
    expect(runtime.checkpoints).toEqual([]);
  });

  test('config.eventsWindowDays sets the first run window', async () => {
    const { resources } = await listAll(
      createTestDriver(server, { services: ['events'], eventsWindowDays: 10 }),
    );
    expect(byId(resources, 'mongodb-atlas.event').has('6607a1b2c3d4e5f6a7b8c900')).toBe(true);
  });
});
