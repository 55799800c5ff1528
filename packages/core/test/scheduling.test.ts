import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BaseCloudDriver, CloudInventoryPlugin, type CloudResource } from '../src/index.ts';
import { createTestDatabase, instance } from './helpers.ts';

class CountingDriver extends BaseCloudDriver {
  static calls: Record<string, number> = {};
  static inFlight: Record<string, number> = {};
  static maximumInFlight: Record<string, number> = {};
  static delayMs = 0;
  async *listResources(): AsyncGenerator<CloudResource> {
    CountingDriver.calls[this.id] = (CountingDriver.calls[this.id] ?? 0) + 1;
    CountingDriver.inFlight[this.id] = (CountingDriver.inFlight[this.id] ?? 0) + 1;
    CountingDriver.maximumInFlight[this.id] = Math.max(
      CountingDriver.maximumInFlight[this.id] ?? 0,
      CountingDriver.inFlight[this.id]!,
    );
    await new Promise((resolve) => setTimeout(resolve, CountingDriver.delayMs));
    CountingDriver.inFlight[this.id]! -= 1;
    yield instance('i-1');
  }
}

describe('schedules', () => {
  let database: any;
  beforeEach(async () => {
    database = await createTestDatabase();
    CountingDriver.calls = {};
    CountingDriver.inFlight = {};
    CountingDriver.maximumInFlight = {};
    CountingDriver.delayMs = 0;
  });
  afterEach(async () => {
    await database.disconnect();
  });

  test('global and per-cloud schedules run; runOnStart runs at once; nextScheduledRuns reports them', async () => {
    const plugin = new CloudInventoryPlugin({
      clouds: [
        { id: 'global-only', driver: CountingDriver },
        {
          id: 'also-hourly',
          driver: CountingDriver,
          scheduled: { enabled: true, cron: '0 * * * *', timezone: 'UTC' },
        },
      ],
      discovery: { runOnInstall: false },
      scheduled: { enabled: true, cron: '* * * * * *', runOnStart: true },
    });
    await plugin.install(database);
    await plugin.start();
    const next = plugin.nextScheduledRuns();
    expect(Object.keys(next).sort()).toEqual(['also-hourly', 'global']);
    expect(Date.parse(next['also-hourly'] ?? '')).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 2300));
    await plugin.stop();
    // runOnStart plus about two ticks of the every-second global schedule.
    expect(CountingDriver.calls['global-only']).toBeGreaterThanOrEqual(2);
    const callsAtStop = CountingDriver.calls['global-only'];
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(CountingDriver.calls['global-only']).toBe(callsAtStop);
  });

  test('a cloud never runs twice at once, even when ticks overlap', async () => {
    CountingDriver.delayMs = 1500;
    const plugin = new CloudInventoryPlugin({
      clouds: [
        {
          id: 'slow',
          driver: CountingDriver,
          scheduled: { enabled: true, cron: '* * * * * *', runOnStart: true },
        },
      ],
      discovery: { runOnInstall: false },
      scheduled: { enabled: true, cron: '* * * * * *' },
    });
    await plugin.install(database);
    await plugin.start();
    const direct = plugin.syncCloud('slow');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await plugin.stop();
    await direct;
    expect(CountingDriver.maximumInFlight.slow).toBe(1);
  });
});
