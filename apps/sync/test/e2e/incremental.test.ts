import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summaryOf } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { changeHelpdesk, expectChangesVisible } from '../support/helpdesk.js';
import { requestsByPath, sorted, Truth } from '../support/truth.js';
import { query, startWorld, type World, withDatabase } from '../support/world.js';

/** Ticket ids whose children (conversations or time entries) the sync requested. */
function childRequests(world: World, from: number, child: 'conversations' | 'time_entries'): number[] {
  const ids = new Set<number>();
  for (const r of world.requests.slice(from)) {
    const m = new RegExp(`^/tickets/(\\d+)/${child}$`).exec(r.path);
    if (m) ids.add(Number(m[1]));
  }
  return [...ids].sort((a, b) => a - b);
}

/** The requests a run made, per path, from the simulator's log. */
function madeSince(world: World, from: number): Record<string, number> {
  return sorted(requestsByPath(world.requests.slice(from)));
}

describe('simulator → sluice-sync run → DuckDB', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('loads everything on the first run, then only the changes, and the tables equal the helpdesk', async () => {
    const truth = new Truth(world.sim);
    const first = await runCli(['run'], world.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // Every request predicted: each list paged through once, each ticket's children once.
    expect(madeSince(world, 0)).toEqual(sorted(truth.synced()));
    expect(summaryOf(first.stdout).requests).toBe(world.requests.length);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);
    const allTickets = world.sim.control.snapshot('tickets').map((t) => Number(t.id));
    expect(childRequests(world, 0, 'conversations')).toEqual([...allTickets].sort((a, b) => a - b));
    expect(world.requests.filter((r) => r.path === '/tickets').length).toBeGreaterThan(3);

    // An hour later: updates, new tickets with a note, deletes, spam, a new custom field, a value-type
    // change, contacts updated, deleted and blocked.
    const changes = await changeHelpdesk(world.sim);
    const before = world.requests.length;
    const second = await runCli(['run'], world.env);
    expect(second.code).toBe(0);
    // Exactly the predicted requests: the ticket and contact views from the cursor (the cursor's second
    // again, as updated_since is inclusive), the children of the changed tickets only, each once.
    expect(madeSince(world, before)).toEqual(sorted(truth.synced()));
    expect(childRequests(world, before, 'conversations')).toEqual(changes.changedTickets);
    expect(childRequests(world, before, 'time_entries')).toEqual(changes.changedTickets);
    const secondSummary = summaryOf(second.stdout);
    expect(secondSummary.extracted.tickets).toBe(changes.changedTickets.length);
    expect(secondSummary.requests).toBe(world.requests.length - before);
    expect(world.requests.length - before).toBeLessThan(before / 3);

    await expectWarehouseEqualsSimulator(world.dbPath, truth);
    await withDatabase(world.dbPath, (q) => expectChangesVisible(q, changes));

    // status reads the runs, cursors and row counts back from the database.
    const [{ cursor: rawCursor }] = (await query(
      world.dbPath,
      'SELECT max(updated_at) AS cursor FROM freshdesk.tickets',
    )) as [{ cursor: string }];
    const status = await runCli(['status', '--log-format', 'text'], world.env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Last runs:/);
    expect(status.stdout).toMatch(
      new RegExp(`tickets\\s+${rawCursor.replace(/[.]/g, '.')}|tickets\\s+\\d{4}-`),
    );
    expect(status.stdout).toMatch(
      new RegExp(`tickets\\s+${world.sim.control.snapshot('tickets').length}\\b`),
    );

    // A run with no changes: one request per view of each incremental list (the tickets at the cursor fit a
    // page), every replaced list once, no ticket children at all.
    const idle = world.requests.length;
    expect((await runCli(['run'], world.env)).code).toBe(0);
    const idleRequests = madeSince(world, idle);
    expect(idleRequests).toEqual(sorted(truth.synced()));
    expect(idleRequests['/tickets']).toBe(3);
    expect(idleRequests['/contacts']).toBe(3);
    expect(childRequests(world, idle, 'conversations')).toEqual([]);
    expect(childRequests(world, idle, 'time_entries')).toEqual([]);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);

    // --full-refresh tickets: every ticket and its children read again and the tables replaced.
    const control = world.sim.control;
    control.advanceClock(3_600_000);
    const beforeRefresh = control.mutate({ resource: 'tickets', count: 4 });
    control.advanceClock(60_000);
    const newestBeforeRefresh = control.mutate({ resource: 'tickets', count: 1 });
    const refreshFrom = world.requests.length;
    const refreshSelection = { resources: ['tickets', 'conversations'], fullRefresh: ['tickets'] };
    const refresh = await runCli(
      ['run', '--resources', 'tickets,conversations', '--full-refresh', 'tickets'],
      world.env,
    );
    expect(refresh.code).toBe(0);
    expect(madeSince(world, refreshFrom)).toEqual(sorted(truth.synced(refreshSelection)));
    const everyTicket = control.snapshot('tickets').map((t) => Number(t.id));
    expect(summaryOf(refresh.stdout).extracted.tickets).toBe(everyTicket.length);
    expect(childRequests(world, refreshFrom, 'conversations')).toEqual(
      [...everyTicket].sort((a, b) => a - b),
    );
    await expectWarehouseEqualsSimulator(world.dbPath, truth);

    // The run after a full refresh continues from what the refresh loaded, not from the start date.
    control.advanceClock(3_600_000);
    const later = control.mutate({ resource: 'tickets', count: 2 });
    const afterFrom = world.requests.length;
    const after = await runCli(['run', '--resources', 'tickets,conversations'], world.env);
    expect(after.code).toBe(0);
    expect(madeSince(world, afterFrom)).toEqual(
      sorted(truth.synced({ resources: ['tickets', 'conversations'] })),
    );
    const read = childRequests(world, afterFrom, 'conversations');
    for (const id of later) expect(read).toContain(id);
    // Tickets changed before the refresh were loaded by it: not read again (only those sharing the newest
    // second the refresh saw, as updated_since is inclusive).
    const older = beforeRefresh.filter((i) => !later.includes(i) && !newestBeforeRefresh.includes(i));
    expect(older.length).toBeGreaterThan(0);
    for (const id of older) expect(read).not.toContain(id);
    expect(read.length).toBeLessThan(everyTicket.length / 2);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);
    // ...and the cursor is back: the next run reads no children at all.
    const quietFrom = world.requests.length;
    expect((await runCli(['run', '--resources', 'tickets,conversations'], world.env)).code).toBe(0);
    expect(madeSince(world, quietFrom)).toEqual(
      sorted(truth.synced({ resources: ['tickets', 'conversations'] })),
    );
    expect(childRequests(world, quietFrom, 'conversations')).toEqual([]);

    // A restored ticket comes back through the live pass and reads deleted = false.
    control.advanceClock(60_000);
    const restored = changes.deleted[0] as number;
    const client = createFreshdeskClient({
      baseUrl: world.sim.baseUrl,
      apiKey: world.sim.apiKey,
      throwOnError: true,
    });
    await client.PUT('/tickets/{id}/restore', { params: { path: { id: restored } } });
    const restoreFrom = world.requests.length;
    expect((await runCli(['run'], world.env)).code).toBe(0);
    expect(madeSince(world, restoreFrom)).toEqual(sorted(truth.synced()));
    expect(await query(world.dbPath, `SELECT deleted FROM freshdesk.tickets WHERE id = ${restored}`)).toEqual(
      [{ deleted: false }],
    );
    await expectWarehouseEqualsSimulator(world.dbPath, truth);
  });
});
