import type { CloudInventoryPlugin } from '@cloud-inventory/core';
import { describe, expect, test } from 'vitest';
import { combinePeriods, OverviewStatistics } from '../src/serve/overview-statistics.ts';

function change(snapshotId: string, kind: string, detectedAt: string, region = 'eu-west-1') {
  return { snapshotId, kind, detectedAt, resourceType: 'aws.ec2.instance', region };
}

function fakePlugin(feeds: Record<string, Record<string, unknown>[]>) {
  const calls: string[] = [];
  const plugin = {
    async listChanges(filter: { cloudId: string }) {
      calls.push(filter.cloudId);
      return { items: feeds[filter.cloudId] ?? [] };
    },
  } as unknown as CloudInventoryPlugin;
  return { plugin, calls };
}

describe('overview statistics folded from the change feed', () => {
  test('counts what is alive now; sizes per day and per hour; cached until the run changes', async () => {
    const { plugin, calls } = fakePlugin({
      a: [
        change('a:0', 'created', '2025-12-30T10:00:00.000Z'),
        change('a:0', 'deleted', '2025-12-31T10:00:00.000Z'),
        change('a:1', 'created', '2026-01-01T10:00:00.000Z'),
        change('a:2', 'created', '2026-01-01T10:00:00.000Z', 'us-east-1'),
        change('a:1', 'updated', '2026-01-02T09:00:00.000Z'),
        change('a:2', 'deleted', '2026-01-03T08:00:00.000Z', 'us-east-1'),
        change('a:2', 'restored', '2026-01-03T09:30:00.000Z', 'us-east-1'),
        change('a:1', 'deleted', '2026-01-03T09:45:00.000Z'),
      ],
    });
    const statistics = new OverviewStatistics(plugin);
    const cloud = await statistics.forCloud('a', 'run-1');
    expect(cloud.active).toBe(1);
    expect(cloud.byRegion).toEqual({ 'us-east-1': 1 });
    expect(cloud.byType).toEqual({ 'aws.ec2.instance': 1 });
    expect(cloud.days.map((day) => [day.period, day.size])).toEqual([
      ['2025-12-30', 1],
      ['2025-12-31', 0],
      ['2026-01-01', 2],
      ['2026-01-02', 2],
      ['2026-01-03', 1],
    ]);
    expect(cloud.days[4]).toMatchObject({ deleted: 2, restored: 1, created: 0 });
    // Only the last 48 hours of the history (from 2026-01-01T09:45) are kept per hour.
    expect(cloud.hours.map((hour) => [hour.period, hour.size])).toEqual([
      ['2026-01-01T10', 2],
      ['2026-01-02T09', 2],
      ['2026-01-03T08', 1],
      ['2026-01-03T09', 1],
    ]);
    await statistics.forCloud('a', 'run-1');
    expect(calls).toEqual(['a']);
    await statistics.forCloud('a', 'run-2');
    expect(calls).toEqual(['a', 'a']);
  });

  test('combining clouds carries each cloud’s size over periods it had no change', () => {
    const combined = combinePeriods([
      [
        { period: '2026-01-01', created: 3, updated: 0, deleted: 0, restored: 0, size: 3 },
        { period: '2026-01-03', created: 0, updated: 1, deleted: 1, restored: 0, size: 2 },
      ],
      [{ period: '2026-01-02', created: 5, updated: 0, deleted: 0, restored: 0, size: 5 }],
    ]);
    expect(combined.map((entry) => [entry.period, entry.size, entry.created])).toEqual([
      ['2026-01-01', 3, 3],
      ['2026-01-02', 8, 5],
      ['2026-01-03', 7, 0],
    ]);
  });
});
