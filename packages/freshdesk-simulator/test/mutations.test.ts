import { describe, expect, it } from 'vitest';
import { SpecConformance } from './support/conformance.js';
import { alignToSecond, clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 150, seed: 'mutations' });
const client = clientFor(sim);
const HOUR = 3_600_000;

/** Ids of tickets updated at or after `since`, as an incremental sync would read them. */
async function updatedSince(since: Date): Promise<number[]> {
  const ids: number[] = [];
  const query = {
    updated_since: since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    order_by: 'updated_at' as const,
    order_type: 'asc' as const,
  };
  for await (const t of client.paginate('/tickets', { params: { query } })) ids.push(t.id);
  return ids;
}

describe('mutations through the API move updated_at', () => {
  it('creates, updates, deletes and restores a ticket; incremental reads see each change', async () => {
    sim.control.advanceClock(HOUR);
    const mark = sim.control.now();
    const { data: created, response } = await client.POST('/tickets', {
      body: {
        email: 'new.person@example.org',
        subject: 'Printer on fire',
        description: 'It is <b>on fire</b>',
        priority: 4,
        status: 2,
        custom_fields: { cf_region: 'EMEA' },
      },
    });
    expect(response.status).toBe(201);
    const id = created?.id as number;
    expect(created).toMatchObject({
      subject: 'Printer on fire',
      priority: 4,
      custom_fields: { cf_region: 'EMEA', cf_is_vip: null },
    });
    expect(Date.parse(created?.created_at as string)).toBeGreaterThanOrEqual(mark.getTime() - 1000);
    expect(await updatedSince(mark)).toEqual([id]);
    const requester = await client.GET('/contacts/{id}', {
      params: { path: { id: created?.requester_id as number } },
    });
    expect(requester.data?.email).toBe('new.person@example.org');

    sim.control.advanceClock(HOUR);
    const mark2 = sim.control.now();
    const old = sim.control.snapshot('tickets')[3] as { id: number; updated_at: string };
    const { data: updated } = await client.PUT('/tickets/{id}', {
      params: { path: { id: old.id } },
      body: { status: 4, tags: ['done'] },
    });
    expect(updated?.status).toBe(4);
    expect(Date.parse(updated?.updated_at as string)).toBeGreaterThan(Date.parse(old.updated_at));
    expect(await updatedSince(mark2)).toEqual([old.id]);

    sim.control.advanceClock(HOUR);
    const mark3 = sim.control.now();
    expect((await client.DELETE('/tickets/{id}', { params: { path: { id } } })).response.status).toBe(204);
    const deleted = await rawGet(
      sim,
      `/tickets?filter=deleted&updated_since=${mark3.toISOString().slice(0, 19)}Z`,
    );
    expect(((await deleted.json()) as { id: number }[]).map((t) => t.id)).toEqual([id]);
    expect(await updatedSince(mark3)).toEqual([]);
    expect((await client.GET('/tickets/{id}', { params: { path: { id } } })).data?.deleted).toBe(true);
    expect((await client.PUT('/tickets/{id}/restore', { params: { path: { id } } })).response.status).toBe(
      204,
    );
    expect(await updatedSince(mark3)).toEqual([id]);
  });

  it('rejects invalid ticket bodies with Freshdesk validation errors', async () => {
    const missing = await client.POST('/tickets', { body: { subject: 'no requester' } });
    expect(missing.response.status).toBe(400);
    expect(missing.error?.errors?.[0]).toMatchObject({ code: 'missing_field' });
    const bad = await client.POST('/tickets', {
      body: { email: 'a@b.c', priority: 9 as 1, custom_fields: { cf_nope: 1 } },
    });
    expect(bad.error?.errors?.map((e) => e.field).sort()).toEqual(['cf_nope', 'priority']);
    const raw = await fetch(`${sim.baseUrl}/tickets`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${sim.apiKey}:X`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
  });

  it('adds replies and notes, which update the ticket', async () => {
    const ticket = sim.control.snapshot('tickets').find((t) => !t.deleted && !t.spam) as { id: number };
    sim.control.advanceClock(HOUR);
    const mark = sim.control.now();
    const reply = await client.POST('/tickets/{id}/reply', {
      params: { path: { id: ticket.id } },
      body: { body: 'We are on it.' },
    });
    expect(reply.response.status).toBe(201);
    const note = await client.POST('/tickets/{id}/notes', {
      params: { path: { id: ticket.id } },
      body: { body: 'internal', private: true },
    });
    expect(note.data?.private).toBe(true);
    expect(await updatedSince(mark)).toEqual([ticket.id]);
    const conversations = sim.control.snapshot('conversations').filter((c) => c.ticket_id === ticket.id);
    expect(conversations.slice(-2).map((c) => c.body_text)).toEqual(['We are on it.', 'internal']);
    const edited = await client.PUT('/conversations/{id}', {
      params: { path: { id: reply.data?.id as number } },
      body: { body: 'Fixed.' },
    });
    expect(edited.data?.body_text).toBe('Fixed.');
    expect(
      (await client.DELETE('/conversations/{id}', { params: { path: { id: note.data?.id as number } } }))
        .response.status,
    ).toBe(204);
    expect(sim.control.snapshot('conversations').some((c) => c.id === note.data?.id)).toBe(false);
  });

  it('creates a proper contact for a ticket from an unknown email, and points the ticket at it', async () => {
    sim.control.advanceClock(HOUR);
    const since = alignToSecond(sim);
    const email = 'first.timer@example.net';
    const ticket = await client.POST('/tickets', {
      body: { email, subject: 'Hello', description: 'First contact', priority: 1, status: 2 },
    });
    expect(ticket.response.status).toBe(201);
    const requesterId = ticket.data?.requester_id as number;
    expect(Number.isInteger(requesterId) && requesterId > 0).toBe(true);

    const contact = await client.GET('/contacts/{id}', { params: { path: { id: requesterId } } });
    expect(contact.data).toMatchObject({
      id: requesterId,
      email,
      created_at: since,
      updated_at: since,
      active: false,
    });
    const listed = [];
    for await (const c of client.paginate('/contacts', { params: { query: { _updated_since: since } } }))
      listed.push(c);
    expect(listed.map((c) => c.id)).toEqual([requesterId]);
    expect(listed[0]).toEqual(contact.data);
    const withRequester = await client.GET('/tickets/{id}', {
      params: { path: { id: ticket.data?.id as number }, query: { include: ['requester'] } },
    });
    expect(withRequester.data?.requester).toMatchObject({ id: requesterId, email });
    // A second ticket from the same email reuses the contact.
    const again = await client.POST('/tickets', {
      body: { email, subject: 'Again', description: 'Second', priority: 1, status: 2 },
    });
    expect(again.data?.requester_id).toBe(requesterId);

    // Each of these answers matches the spec (checked here, not only when the file ends).
    const conformance = new SpecConformance();
    const records = sim.recorder.records.filter(
      (r) => r.path.startsWith('/tickets') || r.path.startsWith('/contacts'),
    );
    const mine = records.slice(-5);
    expect(mine.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 201',
      'GET 200',
      'GET 200',
      'GET 200',
      'POST 201',
    ]);
    expect(mine.flatMap((r) => conformance.check(r))).toEqual([]);
  });

  it('creates, updates, soft-deletes, restores and hard-deletes contacts', async () => {
    const mark = sim.control.advanceClock(HOUR);
    const created = await client.POST('/contacts', {
      body: { name: 'Ada Lovelace', email: 'ada@example.org', custom_fields: { cf_loyalty_points: 5 } },
    });
    expect(created.response.status).toBe(201);
    const id = created.data?.id as number;
    const duplicate = await client.POST('/contacts', {
      body: { name: 'Ada again', email: 'ada@example.org' },
    });
    expect(duplicate.response.status).toBe(409);
    const updated = await client.PUT('/contacts/{id}', {
      params: { path: { id } },
      body: { job_title: 'Analyst' },
    });
    expect(updated.data?.job_title).toBe('Analyst');
    const since = `${mark.toISOString().slice(0, 19)}Z`;
    const changed = [];
    for await (const c of client.paginate('/contacts', { params: { query: { _updated_since: since } } }))
      changed.push(c.id);
    expect(changed).toEqual([id]);
    await client.DELETE('/contacts/{id}', { params: { path: { id } } });
    const deleted = [];
    for await (const c of client.paginate('/contacts', {
      params: { query: { state: 'deleted', _updated_since: since } },
    }))
      deleted.push(c.id);
    expect(deleted).toEqual([id]);
    await client.PUT('/contacts/{id}/restore', { params: { path: { id } } });
    expect((await client.GET('/contacts/{id}', { params: { path: { id } } })).data?.deleted).toBeUndefined();
    const notSoftDeleted = await client.DELETE('/contacts/{id}/hard_delete', { params: { path: { id } } });
    expect(notSoftDeleted.response.status).toBe(400);
    await client.DELETE('/contacts/{id}/hard_delete', { params: { path: { id }, query: { force: true } } });
    expect((await client.GET('/contacts/{id}', { params: { path: { id } } })).response.status).toBe(404);
  });

  it('creates, updates and deletes companies', async () => {
    const mark = sim.control.advanceClock(HOUR);
    const created = await client.POST('/companies', {
      body: { name: 'Sluice Test Co', domains: ['sluice.example'] },
    });
    const id = created.data?.id as number;
    expect(created.response.status).toBe(201);
    expect((await client.POST('/companies', { body: { name: 'Sluice Test Co' } })).response.status).toBe(409);
    const updated = await client.PUT('/companies/{id}', {
      params: { path: { id } },
      body: { industry: 'Water' },
    });
    expect(Date.parse(updated.data?.updated_at as string)).toBeGreaterThanOrEqual(mark.getTime() - 1000);
    expect(sim.control.snapshot('companies').find((c) => c.id === id)?.industry).toBe('Water');
    await client.DELETE('/companies/{id}', { params: { path: { id } } });
    expect(sim.control.snapshot('companies').some((c) => c.id === id)).toBe(false);
  });

  it('adds time entries to a ticket', async () => {
    const ticket = sim.control.snapshot('tickets')[5] as { id: number };
    const created = await client.POST('/tickets/{id}/time_entries', {
      params: { path: { id: ticket.id } },
      body: { time_spent: '01:30', note: 'debugging', billable: false },
    });
    expect(created.response.status).toBe(201);
    const all = [];
    for await (const t of client.paginate('/time_entries', { params: { query: { billable: false } } }))
      all.push(t);
    expect(all.some((t) => t.id === created.data?.id)).toBe(true);
    expect(sim.control.snapshot('time_entries').filter((t) => t.billable === false)).toEqual(all);
  });
});
