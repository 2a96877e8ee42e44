import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { type Query, startWorld, type World, withDatabase } from '../support/world.js';

type Rec = Record<string, unknown>;

const RESOURCES = ['run', '--resources', 'tickets,conversations,time_entries'];

/** Child ids per ticket id, sorted, from records that carry `ticket_id` and `id`. */
function byTicket(records: readonly Rec[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of records) {
    const ticket = Number(r.ticket_id);
    out.set(
      ticket,
      [...(out.get(ticket) ?? []), Number(r.id)].sort((a, b) => a - b),
    );
  }
  return out;
}

const sortedEntries = (map: Map<number, number[]>) => [...map].sort(([a], [b]) => a - b);

/** Child tables of a table (`conversations__to_emails`, …) whose rows point at no row of it. */
async function orphans(query: Query, table: string): Promise<Record<string, number>> {
  const children = await query(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'freshdesk' AND table_name LIKE '${table}\\_\\_%' ESCAPE '\\'`,
  );
  const out: Record<string, number> = {};
  for (const { t } of children) {
    const [{ n }] = (await query(
      `SELECT count(*) AS n FROM freshdesk."${String(t)}" WHERE _sluice_root_id NOT IN (SELECT _sluice_id FROM freshdesk.${table})`,
    )) as [{ n: unknown }];
    out[String(t)] = Number(n);
  }
  return out;
}

describe('simulator → sluice-sync → DuckDB: children deleted at the source', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'child-deletions', tickets: 30, contacts: 10 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it("a changed ticket whose only conversation (or time entry) was deleted loses it; other tickets' rows stay", async () => {
    const control = world.sim.control;
    const client = createFreshdeskClient({
      baseUrl: world.sim.baseUrl,
      apiKey: world.sim.apiKey,
      throwOnError: true,
    });
    const deleteConversation = (id: number) =>
      client.DELETE('/conversations/{id}', { params: { path: { id } } });

    // Ticket A keeps a single conversation; C has several; B has exactly one time entry.
    const conversations = byTicket(control.snapshot('conversations'));
    const several = sortedEntries(conversations).filter(([, ids]) => ids.length >= 2);
    const [ticketA, conversationsOfA] = several[0] ?? [];
    const [ticketC, conversationsOfC] = several[1] ?? [];
    expect(ticketA).toBeDefined();
    expect(ticketC).toBeDefined();
    for (const id of conversationsOfA!.slice(1)) await deleteConversation(id);
    const onlyConversation = conversationsOfA![0] as number;
    const timeEntries = byTicket(control.snapshot('time_entries'));
    const [ticketB, [onlyTimeEntry] = []] =
      sortedEntries(timeEntries).find(
        ([ticket, ids]) => ids.length === 1 && ticket !== ticketA && ticket !== ticketC,
      ) ?? [];
    expect(ticketB).toBeDefined();

    const first = await runCli(RESOURCES, world.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    await withDatabase(world.dbPath, async (query) => {
      const stored = byTicket(await query('SELECT id, ticket_id FROM freshdesk.conversations'));
      expect(stored.get(ticketA!)).toEqual([onlyConversation]);
      expect(stored.get(ticketC!)).toEqual(conversationsOfC);
      expect(byTicket(await query('SELECT id, ticket_id FROM freshdesk.time_entries')).get(ticketB!)).toEqual(
        [onlyTimeEntry],
      );
    });
    const conversationsBefore = await withDatabase(world.dbPath, async (query) =>
      byTicket(await query('SELECT id, ticket_id FROM freshdesk.conversations')),
    );

    // A minute later: A's only conversation and one of C's are deleted (that moves the tickets' updated_at),
    // B's only time entry is deleted and B is edited (Freshdesk does not move updated_at for time entries).
    control.advanceClock(60_000);
    await deleteConversation(onlyConversation);
    await deleteConversation(conversationsOfC![0] as number);
    await client.DELETE('/time_entries/{id}', { params: { path: { id: onlyTimeEntry as number } } });
    await client.PUT('/tickets/{id}', { params: { path: { id: ticketB! } }, body: { priority: 4 } });

    const second = await runCli(RESOURCES, world.env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    await withDatabase(world.dbPath, async (query) => {
      const stored = byTicket(await query('SELECT id, ticket_id FROM freshdesk.conversations'));
      expect(stored.has(ticketA!)).toBe(false);
      expect(stored.get(ticketC!)).toEqual(conversationsOfC!.slice(1));
      const storedEntries = byTicket(await query('SELECT id, ticket_id FROM freshdesk.time_entries'));
      expect(storedEntries.has(ticketB!)).toBe(false);
      // every other ticket keeps its rows, and the warehouse equals the helpdesk
      for (const [ticket, ids] of conversationsBefore) {
        if (ticket !== ticketA && ticket !== ticketC)
          expect(stored.get(ticket), `ticket ${ticket}`).toEqual(ids);
      }
      expect(sortedEntries(stored)).toEqual(sortedEntries(byTicket(control.snapshot('conversations'))));
      expect(sortedEntries(storedEntries)).toEqual(sortedEntries(byTicket(control.snapshot('time_entries'))));
      // the child rows of deleted conversations (recipients, attachments) went with them
      const left = await orphans(query, 'conversations');
      expect(Object.keys(left).length).toBeGreaterThan(0);
      expect(Object.values(left).every((n) => n === 0)).toBe(true);
    });

    // A run without changes deletes nothing.
    const idle = await runCli(RESOURCES, world.env);
    expect(idle.code).toBe(0);
    await withDatabase(world.dbPath, async (query) => {
      expect(
        sortedEntries(byTicket(await query('SELECT id, ticket_id FROM freshdesk.conversations'))),
      ).toEqual(sortedEntries(byTicket(control.snapshot('conversations'))));
    });
  });
});
