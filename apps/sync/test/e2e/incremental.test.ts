import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summaryOf } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { ms, query, startWorld, type World } from '../support/world.js';

/** Ticket ids whose children (conversations or time entries) the sync requested. */
function childRequests(world: World, from: number, child: 'conversations' | 'time_entries'): number[] {
  const ids = new Set<number>();
  for (const r of world.requests.slice(from)) {
    const m = new RegExp(`^/tickets/(\\d+)/${child}$`).exec(r.path);
    if (m) ids.add(Number(m[1]));
  }
  return [...ids].sort((a, b) => a - b);
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
    const first = await runCli(['run'], world.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(summaryOf(first.stdout).requests).toBe(world.requests.length);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
    // Children were read once per ticket, and the lists took several pages.
    const allTickets = world.sim.control.snapshot('tickets').map((t) => Number(t.id));
    expect(childRequests(world, 0, 'conversations')).toEqual([...allTickets].sort((a, b) => a - b));
    expect(world.requests.filter((r) => r.path === '/tickets').length).toBeGreaterThan(3);

    // An hour later: updates, new tickets with notes, deletes, spam, a new custom field and a type change.
    const control = world.sim.control;
    control.advanceClock(3_600_000);
    control.addCustomField({ resource: 'tickets', name: 'cf_escalation_reason', type: 'text' });
    const numberField = control.snapshot('ticket_fields').find((f) => f.type === 'custom_number');
    if (numberField)
      control.changeFieldType({ resource: 'tickets', name: String(numberField.name), type: 'text' });
    const updated = control.mutate({ resource: 'tickets', count: 8 });
    const deleted = control.deleteTickets(3);
    const spam = control.spamTickets(2);
    const contacts = control.mutate({ resource: 'contacts', count: 4 });
    const client = createFreshdeskClient({
      baseUrl: world.sim.baseUrl,
      apiKey: world.sim.apiKey,
      throwOnError: true,
    });
    const created: number[] = [];
    const requesters = control.snapshot('contacts').map((r) => Number(r.id));
    for (let i = 0; i < 3; i++) {
      // An existing requester: the simulator's contacts created implicitly from an email have no id yet.
      const { data } = await client.POST('/tickets', {
        body: {
          requester_id: requesters[i] as number,
          subject: `New ticket ${i}`,
          description: 'Hello',
          status: 2,
          priority: 1,
        },
      });
      created.push(Number(data?.id));
    }
    await client.POST('/tickets/{id}/notes', {
      params: { path: { id: created[0] as number } },
      body: { body: 'A note' },
    });

    const [{ cursor: rawCursor }] = (await query(
      world.dbPath,
      'SELECT max(updated_at) AS cursor FROM freshdesk.tickets',
    )) as [{ cursor: string }];
    const cursor = ms(rawCursor);
    const before = world.requests.length;
    const second = await runCli(['run'], world.env);
    expect(second.code).toBe(0);
    const changed = [...new Set([...updated, ...deleted, ...spam, ...created])].sort((a, b) => a - b);
    // Only the changed tickets' children were read, each once.
    expect(childRequests(world, before, 'conversations')).toEqual(changed);
    expect(childRequests(world, before, 'time_entries')).toEqual(changed);
    const ticketPages = world.requests.slice(before).filter((r) => r.path === '/tickets');
    // One page for each pass (live, deleted, spam): the changes fit in one page each.
    // Each pass (live, deleted, spam) reads the pages of tickets updated since the cursor, no more: the
    // cursor's second is included (updated_since is inclusive), so tickets sharing it are listed again.
    const passes = [
      (t: Record<string, unknown>) => t.deleted !== true && t.spam !== true,
      (t: Record<string, unknown>) => t.deleted === true,
      (t: Record<string, unknown>) => t.spam === true && t.deleted !== true,
    ];
    const now = control.snapshot('tickets');
    const expectedPages = passes
      .map((inPass) => now.filter((t) => inPass(t) && ms(t.updated_at) >= cursor).length)
      .reduce((n, count) => n + Math.max(1, Math.ceil(count / 20)), 0);
    // (the client may start a new updated_since window per page: at most one extra page per pass)
    expect(ticketPages.length).toBeGreaterThanOrEqual(expectedPages);
    expect(ticketPages.length).toBeLessThanOrEqual(expectedPages + passes.length);
    const contactPages = world.requests.slice(before).filter((r) => r.path === '/contacts');
    expect(contactPages.length).toBeGreaterThanOrEqual(3);
    expect(contactPages.length).toBeLessThan(
      world.requests.slice(0, before).filter((r) => r.path === '/contacts').length,
    );
    const secondSummary = summaryOf(second.stdout);
    expect(secondSummary.extracted.tickets).toBe(changed.length);
    expect(secondSummary.extracted.contacts).toBeGreaterThanOrEqual(contacts.length);
    expect(secondSummary.requests).toBe(world.requests.length - before);
    expect(world.requests.length - before).toBeLessThan(before / 3);

    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
    const flagged = await query(
      world.dbPath,
      'SELECT id, deleted, spam FROM freshdesk.tickets WHERE deleted OR spam ORDER BY id',
    );
    for (const id of deleted) expect(flagged).toContainEqual({ id, deleted: true, spam: false });
    for (const id of spam) expect(flagged).toContainEqual({ id, deleted: false, spam: true });
    // Schema drift: the new custom field became a column, filled for the changed tickets.
    const columns = await query(
      world.dbPath,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'freshdesk' AND table_name = 'tickets'",
    );
    expect(columns.map((c) => c.column_name)).toContain('custom_fields__cf_escalation_reason');

    // status reads the runs, cursors and row counts back from the database.
    const status = await runCli(['status', '--log-format', 'text'], world.env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Last runs:/);
    expect(status.stdout).toMatch(
      new RegExp(`tickets\\s+${rawCursor.replace(/[.]/g, '.')}|tickets\\s+\\d{4}-`),
    );
    expect(status.stdout).toMatch(
      new RegExp(`tickets\\s+${world.sim.control.snapshot('tickets').length}\\b`),
    );

    // A third run with no changes reads no ticket children at all.
    const idle = world.requests.length;
    const third = await runCli(['run', '--resources', 'tickets,conversations,time_entries'], world.env);
    expect(third.code).toBe(0);
    expect(childRequests(world, idle, 'conversations')).toEqual([]);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);

    // --full-refresh tickets: every ticket and its children read again and the tables replaced.
    control.advanceClock(3_600_000);
    const beforeRefresh = control.mutate({ resource: 'tickets', count: 4 });
    control.advanceClock(60_000);
    const newestBeforeRefresh = control.mutate({ resource: 'tickets', count: 1 });
    const refreshFrom = world.requests.length;
    const refresh = await runCli(
      ['run', '--resources', 'tickets,conversations', '--full-refresh', 'tickets'],
      world.env,
    );
    expect(refresh.code).toBe(0);
    const everyTicket = control.snapshot('tickets').map((t) => Number(t.id));
    expect(summaryOf(refresh.stdout).extracted.tickets).toBe(everyTicket.length);
    expect(childRequests(world, refreshFrom, 'conversations')).toEqual(
      [...everyTicket].sort((a, b) => a - b),
    );
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);

    // The run after a full refresh continues from what the refresh loaded, not from the start date.
    control.advanceClock(3_600_000);
    const later = control.mutate({ resource: 'tickets', count: 2 });
    const afterFrom = world.requests.length;
    const after = await runCli(['run', '--resources', 'tickets,conversations'], world.env);
    expect(after.code).toBe(0);
    const read = childRequests(world, afterFrom, 'conversations');
    for (const id of later) expect(read).toContain(id);
    // Tickets changed before the refresh were loaded by it: not read again (only those sharing the newest
    // second the refresh saw, as updated_since is inclusive).
    const older = beforeRefresh.filter((i) => !later.includes(i) && !newestBeforeRefresh.includes(i));
    expect(older.length).toBeGreaterThan(0);
    for (const id of older) expect(read).not.toContain(id);
    expect(read.length).toBeLessThan(everyTicket.length / 2);
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
    // ...and the cursor is back: the next run reads no children at all.
    const quietFrom = world.requests.length;
    expect((await runCli(['run', '--resources', 'tickets,conversations'], world.env)).code).toBe(0);
    expect(childRequests(world, quietFrom, 'conversations')).toEqual([]);

    // A restored ticket comes back through the live pass and reads deleted = false.
    control.advanceClock(60_000);
    const restored = deleted[0] as number;
    await client.PUT('/tickets/{id}/restore', { params: { path: { id: restored } } });
    expect((await runCli(['run'], world.env)).code).toBe(0);
    expect(await query(world.dbPath, `SELECT deleted FROM freshdesk.tickets WHERE id = ${restored}`)).toEqual(
      [{ deleted: false }],
    );
    await expectWarehouseEqualsSimulator(world.dbPath, world.sim);
  });
});
