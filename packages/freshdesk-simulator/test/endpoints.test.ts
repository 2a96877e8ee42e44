import { describe, expect, it } from 'vitest';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 300, seed: 'endpoints' });
const client = clientFor(sim);
const live = sim.control.snapshot('tickets').filter((t) => !t.deleted && !t.spam);

describe('further endpoints', () => {
  it('watches and unwatches tickets, and filter=watching lists watched ones', async () => {
    const id = live[0]?.id as number;
    expect((await client.POST('/tickets/{id}/watch', { params: { path: { id } } })).response.status).toBe(
      204,
    );
    const watchers = await client.GET('/tickets/{id}/watchers', { params: { path: { id } } });
    expect(watchers.data?.watcher_ids).toHaveLength(1);
    const watching = await rawGet(sim, '/tickets?filter=watching&updated_since=2000-01-01T00:00:00Z');
    expect(((await watching.json()) as { id: number }[]).map((t) => t.id)).toEqual([id]);
    await client.PUT('/tickets/{id}/unwatch', { params: { path: { id } } });
    expect(
      (await client.GET('/tickets/{id}/watchers', { params: { path: { id } } })).data?.watcher_ids,
    ).toEqual([]);
  });

  it('turns a contact into an agent', async () => {
    const contact = sim.control.snapshot('contacts').find((c) => !c.deleted && !c.blocked) as {
      id: number;
      email: string;
    };
    const { data, response } = await client.PUT('/contacts/{id}/make_agent', {
      params: { path: { id: contact.id } },
      body: { occasional: true, ticket_scope: 2 },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      id: contact.id,
      occasional: true,
      ticket_scope: 2,
      contact: { email: contact.email },
    });
    const occasional = [];
    for await (const a of client.paginate('/agents', { params: { query: { state: 'occasional' } } }))
      occasional.push(a.id);
    expect(occasional).toContain(contact.id);
    expect(
      (await client.GET('/contacts/{id}', { params: { path: { id: contact.id } } })).response.status,
    ).toBe(404);
  });

  it('updates and deletes time entries', async () => {
    const entry = sim.control.snapshot('time_entries')[0] as { id: number; ticket_id: number };
    const updated = await client.PUT('/time_entries/{id}', {
      params: { path: { id: entry.id } },
      body: { note: 'revised' },
    });
    expect(updated.data?.note).toBe('revised');
    const listed = await client.GET('/tickets/{id}/time_entries', {
      params: { path: { id: entry.ticket_id } },
    });
    expect(listed.data?.find((t) => t.id === entry.id)?.note).toBe('revised');
    expect(
      (await client.DELETE('/time_entries/{id}', { params: { path: { id: entry.id } } })).response.status,
    ).toBe(204);
    expect(sim.control.snapshot('time_entries').some((t) => t.id === entry.id)).toBe(false);
    expect(
      (await client.PUT('/time_entries/{id}', { params: { path: { id: entry.id } }, body: { note: 'x' } }))
        .response.status,
    ).toBe(404);
  });

  it('lists satisfaction ratings since a date, by user, and per ticket', async () => {
    const all = sim.control.snapshot('satisfaction_ratings');
    const since = all[Math.floor(all.length / 2)]?.created_at as string;
    const ids = [];
    for await (const r of client.paginate('/surveys/satisfaction_ratings', {
      params: { query: { created_since: since } },
    }))
      ids.push(r.id);
    expect(ids.sort((a, b) => a - b)).toEqual(
      all
        .filter((r) => (r.created_at as string) >= since)
        .map((r) => r.id as number)
        .sort((a, b) => a - b),
    );
    // Taken before the listing, in whole seconds: the server cuts at its own (later) second.
    const cutoff = Math.floor(sim.control.now().getTime() / 1000) * 1000 - 30 * 86_400_000;
    const recent = [];
    for await (const r of client.paginate('/surveys/satisfaction_ratings')) recent.push(r);
    expect(recent.every((r) => Date.parse(r.created_at) >= cutoff)).toBe(true);
    const rating = all[0] as { ticket_id: number; user_id: number; id: number };
    const perTicket = await client.GET('/tickets/{id}/satisfaction_ratings', {
      params: { path: { id: rating.ticket_id } },
    });
    expect(perTicket.data?.map((r) => r.id)).toEqual([rating.id]);
    const byUser = [];
    for await (const r of client.paginate('/surveys/satisfaction_ratings', {
      params: { query: { created_since: '2000-01-01T00:00:00Z', user_id: rating.user_id } },
    }))
      byUser.push(r);
    expect(byUser.every((r) => r.user_id === rating.user_id) && byUser.length > 0).toBe(true);
  });

  it('filters ticket fields by type and surveys by state', async () => {
    const status = await client.GET('/ticket_fields', { params: { query: { type: 'default_status' } } });
    expect(status.data?.map((f) => f.name)).toEqual(['status']);
    const active = await client.GET('/surveys', { params: { query: { state: 'active' } } });
    expect(active.data?.every((s) => s.active)).toBe(true);
    expect(sim.control.snapshot('surveys').length).toBeGreaterThan(active.data?.length ?? 0);
  });

  it('answers 404 for archived tickets (nothing is archived) and unknown child records', async () => {
    expect(
      (await client.GET('/tickets/archived/{id}', { params: { path: { id: 1 } } })).response.status,
    ).toBe(404);
    expect(
      (
        await client.PUT('/conversations/{id}', {
          params: { path: { id: 99_999_999_999 } },
          body: { body: 'x' },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (await client.GET('/solutions/categories/{id}/folders', { params: { path: { id: 1 } } })).response
        .status,
    ).toBe(404);
  });
});
