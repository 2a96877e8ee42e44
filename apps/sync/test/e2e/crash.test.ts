import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summaryOf } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { startWorld, type World } from '../support/world.js';

/** mulberry32: a small seeded generator, so the "random" crash points are reproducible from the seed. */
function rng(seed: number): (max: number) => number {
  let a = seed >>> 0;
  return (max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return 1 + (((t ^ (t >>> 14)) >>> 0) % max);
  };
}

const SEED = Number(process.env.SLUICE_E2E_SEED ?? 20251125);
const pick = rng(SEED);

/** Phases and the event the CLI kills itself at (see src/sync/crash-hook.ts), with a random occurrence. */
const POINTS = [
  { phase: 'extraction (first run)', at: `page:${pick(12)}`, resumes: false },
  { phase: 'extraction', at: `page:${pick(12)}`, resumes: false },
  { phase: 'extracted, before it is marked normalized', at: 'package_extracted', resumes: true },
  { phase: 'load, before the transaction', at: 'package_normalized', resumes: true },
  { phase: 'load, inside the transaction', at: `table_loaded:${pick(5)}`, resumes: true },
  { phase: 'commit, before cleanup', at: 'state_committed', resumes: true },
];

describe(`a run killed with SIGKILL, then rerun (seed ${SEED})`, () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'crash', tickets: 80, contacts: 30 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it.each(POINTS.map((p, i) => ({ ...p, round: i })))(
    'killed during $phase ($at): the rerun loses nothing and doubles nothing',
    async ({ at, resumes, round }) => {
      const control = world.sim.control;
      if (round > 0) {
        control.advanceClock(600_000);
        control.mutate({ resource: 'tickets', count: 6 });
        control.deleteTickets(1);
        control.spamTickets(1);
        control.mutate({ resource: 'contacts', count: 2 });
      }
      const killed = await runCli(['run'], { ...world.env, SLUICE_TEST_CRASH_AT: at });
      expect(killed.signal, killed.stderr).toBe('SIGKILL');

      const rerun = await runCli(['run'], world.env);
      expect(rerun.stderr).toBe('');
      expect(rerun.code).toBe(0);
      const summary = summaryOf(rerun.stdout);
      // A crash after extraction leaves a package that the rerun finishes first.
      expect(summary.packages.some((p) => p.resumed)).toBe(resumes);
      if (at === 'state_committed') expect(summary.packages[0]?.alreadyLoaded).toBe(true);
      await expectWarehouseEqualsSimulator(world.dbPath, world.sim);

      // Nothing pending is left behind.
      const work = join(world.env.SLUICE_WORKING_DIR as string);
      for (const pipelineDir of await readdir(work)) {
        for (const state of ['extracted', 'normalized', 'loading']) {
          const left = await readdir(join(work, pipelineDir, state)).catch(() => []);
          expect(left, `${state} packages left`).toEqual([]);
        }
      }
    },
  );
});
