import { describe, expect, it } from 'vitest';
import type { NormalizeResult } from '../src/measures/normalize.js';
import type { SyncRunResult } from '../src/measures/sync-run.js';
import { SMOKE } from '../src/sizes.js';
import { runSuite } from '../src/suite.js';

// Every benchmark at a tiny size, each in its own process as in `npm run bench`: proves the code runs and
// reports what it measured. No timing is asserted (speed goals are what the benchmark itself reports).
describe('the benchmark suite at smoke sizes', () => {
  it('measures every figure of issue 9 without errors', { timeout: 180_000 }, async () => {
    const { figures, raw } = await runSuite({ sizes: SMOKE });
    const errors = figures.filter((f) => f.status === 'error');
    expect(errors, JSON.stringify(raw)).toEqual([]);

    const sections = new Set(figures.map((f) => f.section));
    expect([...sections].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const f of figures) {
      expect(f.value, f.id).not.toBeNull();
      expect(Number.isFinite(f.value), f.id).toBe(true);
    }

    for (const n of SMOKE.normalize) {
      const rss = figures.find((f) => f.id === `normalize.${n}.peak_rss_mb`);
      expect(rss?.value).toBeGreaterThan(10);
      // each round its own process; the rate is the fastest round's, the peak RSS the largest
      const { rounds } = raw[`normalize.${n}`] as {
        rounds: { result: NormalizeResult; peakRssBytes: number }[];
      };
      expect(rounds).toHaveLength(SMOKE.normalizeRounds);
      const rate = figures.find((f) => f.id === `normalize.${n}.records_per_s`)?.value;
      expect(rate).toBeCloseTo(Math.max(...rounds.map((r) => (n * 1000) / r.result.normalizeMs)), 6);
      expect(rss?.value).toBeCloseTo(Math.max(...rounds.map((r) => r.peakRssBytes)) / 1e6, 6);
    }
    const e2e = raw.e2e as { result: SyncRunResult };
    expect(e2e.result.extracted.tickets).toBe(SMOKE.endToEnd);
    expect(e2e.result.extracted.conversations).toBeGreaterThan(0);

    const incremental = raw.incremental as { result: SyncRunResult };
    expect(incremental.result.earlierRunsMs).toHaveLength(1);
    expect(incremental.result.requests).toBeGreaterThan(0);
  });

  it('runs only the benchmarks asked for', { timeout: 60_000 }, async () => {
    const { figures } = await runSuite({ sizes: SMOKE, only: ['load'] });
    expect(new Set(figures.map((f) => f.id.split('.')[0]))).toEqual(new Set(['load']));
  });
});
