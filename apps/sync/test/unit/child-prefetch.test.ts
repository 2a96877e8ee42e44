import { describe, expect, it } from 'vitest';
import { ChildPrefetcher } from '../../src/source/child-prefetch.js';

describe('ChildPrefetcher', () => {
  it('reads ahead under the concurrency bound and hands each result out once', async () => {
    let active = 0;
    let peak = 0;
    const calls: string[] = [];
    const prefetcher = new ChildPrefetcher(async (child, id) => {
      calls.push(`${child}:${id}`);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return [{ id, child }];
    }, 3);
    prefetcher.prefetch(['conversations', 'time_entries'], [1, 2, 3, 4, 5]);
    prefetcher.prefetch(['conversations'], [1]);
    expect(await prefetcher.take('conversations', 4)).toEqual([{ id: 4, child: 'conversations' }]);
    expect(prefetcher.take('conversations', 4)).toBeUndefined();
    await Promise.all([1, 2, 3, 5].map((id) => prefetcher.take('time_entries', id)));
    expect(peak).toBe(3);
    expect(calls).toHaveLength(10);
  });

  it('keeps a failure for the caller that takes it, without an unhandled rejection', async () => {
    const prefetcher = new ChildPrefetcher(async () => {
      throw new Error('boom');
    }, 2);
    prefetcher.prefetch(['conversations'], [7, 8]);
    await expect(prefetcher.take('conversations', 7)).rejects.toThrow('boom');
    prefetcher.clear();
    expect(prefetcher.take('conversations', 8)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
