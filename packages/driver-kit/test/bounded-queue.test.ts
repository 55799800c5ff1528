import { describe, expect, test } from 'vitest';
import { BoundedQueue } from '../src/index.ts';

describe('BoundedQueue', () => {
  test('offer adds while there is room and refuses once full; push then waits for a take', async () => {
    const queue = new BoundedQueue<number>(2);
    expect(queue.offer(1)).toBe(true);
    expect(queue.offer(2)).toBe(true);
    expect(queue.offer(3)).toBe(false);
    expect(queue.size).toBe(2);
    let pushed = false;
    const pending = queue.push(3).then(() => {
      pushed = true;
    });
    await Promise.resolve();
    expect(pushed).toBe(false);
    expect(await queue.next()).toEqual({ done: false, value: 1 });
    await pending;
    expect(pushed).toBe(true);
    queue.close();
    expect(await queue.next()).toEqual({ done: false, value: 2 });
    expect(await queue.next()).toEqual({ done: false, value: 3 });
    expect(await queue.next()).toEqual({ done: true, value: undefined });
  });

  test('offer throws as push rejects: after close, after a failure, on an aborted signal', () => {
    const closed = new BoundedQueue<number>(1);
    closed.close();
    expect(() => closed.offer(1)).toThrow('push after close');
    const failed = new BoundedQueue<number>(1);
    failed.fail(new Error('listing failed'));
    expect(() => failed.offer(1)).toThrow('listing failed');
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    expect(() => new BoundedQueue<number>(1).offer(1, controller.signal)).toThrow('stopped');
  });
});
