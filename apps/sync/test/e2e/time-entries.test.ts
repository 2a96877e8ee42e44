import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { requestsByPath, sorted, Truth } from '../support/truth.js';
import { query, startWorld, type World } from '../support/world.js';

/**
 * The documented limit of reading children only for changed tickets: adding a time entry does not move its
 * ticket's updated_at (in Freshdesk as in the simulator), so only a full refresh of time entries finds it.
 */
describe('time entries added to a ticket that did not otherwise change', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'time-entries', tickets: 30, contacts: 10 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('are not read by the incremental run, and are by --full-refresh time_entries', async () => {
    const truth = new Truth(world.sim);
    const selection = { resources: ['time_entries'] };
    expect((await runCli(['run', '--resources', 'time_entries'], world.env)).code).toBe(0);
    truth.synced(selection);

    world.sim.control.advanceClock(3_600_000);
    const ticket = Number(world.sim.control.snapshot('tickets')[0]?.id);
    const client = createFreshdeskClient({
      baseUrl: world.sim.baseUrl,
      apiKey: world.sim.apiKey,
      throwOnError: true,
    });
    const { data } = await client.POST('/tickets/{id}/time_entries', {
      params: { path: { id: ticket } },
      body: { time_spent: '01:30', note: 'Added later', billable: true },
    });
    const entry = Number(data?.id);
    const inWarehouse = async () =>
      (await query(world.dbPath, `SELECT count(*) AS n FROM freshdesk.time_entries WHERE id = ${entry}`))[0]
        ?.n;

    const from = world.requests.length;
    expect((await runCli(['run', '--resources', 'time_entries'], world.env)).code).toBe(0);
    expect(sorted(requestsByPath(world.requests.slice(from)))).toEqual(sorted(truth.synced(selection)));
    expect(world.requests.slice(from).some((r) => r.path === `/tickets/${ticket}/time_entries`)).toBe(false);
    expect(Number(await inWarehouse())).toBe(0);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);

    const refresh = { resources: ['time_entries'], fullRefresh: ['time_entries'] };
    const refreshFrom = world.requests.length;
    expect(
      (await runCli(['run', '--resources', 'time_entries', '--full-refresh', 'time_entries'], world.env))
        .code,
    ).toBe(0);
    expect(sorted(requestsByPath(world.requests.slice(refreshFrom)))).toEqual(sorted(truth.synced(refresh)));
    expect(Number(await inWarehouse())).toBe(1);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);
    // ...which are now all of the helpdesk's time entries.
    const all = world.sim.control.snapshot('time_entries').sort((a, b) => Number(a.id) - Number(b.id));
    expect(truth.records('time_entries')).toEqual(all);
  });
});
