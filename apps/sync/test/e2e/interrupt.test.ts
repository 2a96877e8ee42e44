import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { query, startWorld, type World } from '../support/world.js';

const STOPPED =
  /Interrupted by (SIGINT|SIGTERM) before the run finished\. Nothing partial was committed .* Run the same command again: it resumes where this run stopped\./;

describe.each([
  { signal: 'SIGINT' as const, exitCode: 130, what: 'Ctrl-C (SIGINT)' },
  { signal: 'SIGTERM' as const, exitCode: 143, what: 'SIGTERM (a scheduler stopping the job)' },
])('$what during a run', ({ signal, exitCode }) => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: `interrupt-${signal}`, tickets: 60, contacts: 10 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it(`stops with exit ${exitCode} and a message, commits nothing, and the rerun loads everything`, async () => {
    // A slow budget keeps the run in extraction long enough to interrupt it.
    const slow = { ...world.env, SLUICE_REQUESTS_PER_MINUTE: '120' };
    const run = await startCli(['run'], slow, /"event":"freshdesk_page"/);
    run.kill(signal);
    const result = await run.done;
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toMatch(STOPPED);
    expect(result.stdout).toContain(`Interrupted by ${signal}`);
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
