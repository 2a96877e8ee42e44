import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summaryOf } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { startWorld, type World } from '../support/world.js';

describe('a flaky Freshdesk: 5xx, connection resets, truncated JSON and 429 storms', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({
      seed: 'faults',
      tickets: 60,
      contacts: 20,
      faults: {
        probabilities: {
          '500': 0.01,
          '503': 0.02,
          reset: 0.03,
          truncate: 0.03,
          malformed: 0.01,
          '429': 0.01,
        },
        stormLength: 3,
        stormRetryAfter: 1,
      },
    });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('completes, retrying what failed, and the tables equal the helpdesk', async () => {
    const first = await runCli(['run'], world.env);
    const failed = first.stdout.split('\n').filter((l) => l.includes('run_failed'));
    expect(first.stderr, failed.join('\n')).toBe('');
    expect(first.code, failed.join('\n')).toBe(0);
    const kinds = new Set(world.requests.flatMap((r) => (r.fault ? [r.fault] : [])));
    const retries = first.stdout.split('\n').filter((l) => l.includes('"event":"freshdesk_retry"')).length;
    // The faults really happened, and were retried.
    for (const kind of ['503', 'reset', 'truncate', '429']) expect(kinds).toContain(kind);
    expect(retries).toBeGreaterThan(0);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);

    world.sim.control.advanceClock(3_600_000);
    world.sim.control.mutate({ resource: 'tickets', count: 10 });
    world.sim.control.deleteTickets(2);
    world.sim.control.mutate({ resource: 'contacts', count: 3 });
    const second = await runCli(['run'], world.env);
    expect(second.stderr).toBe('');
    expect(
      second.code,
      second.stdout
        .split('\n')
        .filter((l) => l.includes('run_failed'))
        .join('\n'),
    ).toBe(0);
    expect(summaryOf(second.stdout).extracted.tickets).toBeGreaterThanOrEqual(11);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
  });
});
