import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { query, startWorld, type World } from '../support/world.js';

describe('Ctrl-C (SIGINT) during a run', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'interrupt', tickets: 60, contacts: 10 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('stops with exit 1 and a message, commits nothing, and the rerun loads everything', async () => {
    // A slow budget keeps the run in extraction long enough to interrupt it.
    const slow = { ...world.env, SLUICE_REQUESTS_PER_MINUTE: '120' };
    const run = await startCli(['run'], slow, /"event":"freshdesk_page"/);
    run.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Interrupted by SIGINT: nothing of this run was committed; run again to continue/,
    );
    const loads = await query(
      world.dbPath,
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '_sluice_loads'",
    );
    expect(loads).toEqual([{ n: 0 }]);

    const rerun = await runCli(['run'], world.env);
    expect(rerun.code).toBe(0);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
  });
});
