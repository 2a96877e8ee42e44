import { describe, expect, it } from 'vitest';
import { clientFor, controlRequest, FIXED_NOW, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 200, seed: 'control' });
const client = clientFor(sim);
const DAY = 86_400_000;

const control = (path: string, body?: unknown) => controlRequest(sim, path, body);

function liveTicketCount(): number {
  return sim.control.snapshot('tickets').filter((t) => !t.deleted && !t.spam).length;
}

describe('control API', () => {
  it('advances the simulated clock, which moves the 30-day window of GET /tickets', async () => {
    const before = sim.control.now().getTime();
    expect(before).toBeGreaterThanOrEqual(Date.parse(FIXED_NOW));
    const count = async () => {
      let n = 0;
      for await (const _ of client.paginate('/tickets')) n++;
      return n;
    };
    const recent = await count();
    expect(recent).toBeGreaterThan(0);
    sim.control.advanceClock(31 * DAY);
    expect(sim.control.now().getTime()).toBeGreaterThanOrEqual(before + 31 * DAY);
    expect(await count()).toBe(0);
    expect(() => sim.control.advanceClock(-1)).toThrow(/non-negative/);
  });

  it('mutates random records so that incremental reads see exactly them', async () => {
    const mark = `${sim.control.advanceClock(DAY).toISOString().slice(0, 19)}Z`;
    const ids = sim.control.mutate({ resource: 'tickets', count: 7 });
    expect(ids).toHaveLength(7);
    const seen = [];
    for await (const t of client.paginate('/tickets', { params: { query: { updated_since: mark } } }))
      seen.push(t.id);
    expect(seen.sort((a, b) => a - b)).toEqual(ids);
    const contacts = sim.control.mutate({ resource: 'contacts', count: 3 });
    const changed = [];
    for await (const c of client.paginate('/contacts', { params: { query: { _updated_since: mark } } }))
      changed.push(c.id);
    expect(changed).toEqual(contacts);
    expect(sim.control.mutate({ resource: 'companies', count: 2 })).toHaveLength(2);
  });

  it('deletes and spams random tickets', () => {
    const live = liveTicketCount();
    const deleted = sim.control.deleteTickets(3);
    const spammed = sim.control.spamTickets(2);
    expect(liveTicketCount()).toBe(live - 5);
    const snapshot = sim.control.snapshot('tickets');
    for (const id of deleted) expect(snapshot.find((t) => t.id === id)?.deleted).toBe(true);
    for (const id of spammed) expect(snapshot.find((t) => t.id === id)?.spam).toBe(true);
  });

  it('adds a custom field (schema drift) to records and the field list', async () => {
    sim.control.addCustomField({
      resource: 'tickets',
      name: 'cf_Drifted Field ✓',
      type: 'number',
      nullRate: 0,
    });
    const { data } = await client.GET('/tickets/{id}', { params: { path: { id: 1 } } });
    expect(typeof data?.custom_fields['cf_Drifted Field ✓']).toBe('number');
    const fields = await client.GET('/ticket_fields', {});
    expect(fields.data?.some((f) => f.name === 'cf_Drifted Field ✓' && f.type === 'custom_number')).toBe(
      true,
    );
    expect(() =>
      sim.control.addCustomField({ resource: 'tickets', name: 'no_prefix', type: 'text' }),
    ).toThrow(/cf_/);
  });

  it('changes a field type (type drift)', async () => {
    const before = (await client.GET('/tickets/{id}', { params: { path: { id: 2 } } })).data?.custom_fields;
    sim.control.changeFieldType({ resource: 'tickets', name: 'cf_Drifted Field ✓', type: 'text' });
    const after = (await client.GET('/tickets/{id}', { params: { path: { id: 2 } } })).data?.custom_fields;
    expect(typeof before?.['cf_Drifted Field ✓']).toBe('number');
    expect(typeof after?.['cf_Drifted Field ✓']).toBe('string');
    expect(() =>
      sim.control.changeFieldType({ resource: 'tickets', name: 'cf_missing', type: 'text' }),
    ).toThrow(/Known fields/);
  });

  it('drifts records changed or created through the API too, keeping the values set there', async () => {
    const changed = (sim.control.snapshot('tickets').find((t) => !t.deleted && !t.spam) as { id: number }).id;
    await client.PUT('/tickets/{id}', {
      params: { path: { id: changed } },
      body: { custom_fields: { cf_CustomerTier: 'gold' } },
    });
    const created = await client.POST('/tickets', {
      body: { email: 'drift@example.org', subject: 'Drift', description: 'x', priority: 1, status: 2 },
    });
    const createdId = created.data?.id as number;
    sim.control.addCustomField({ resource: 'tickets', name: 'cf_late_field', type: 'number', nullRate: 0 });
    sim.control.changeFieldType({ resource: 'tickets', name: 'cf_order_number', type: 'paragraph' });
    const view = async (id: number) =>
      (await client.GET('/tickets/{id}', { params: { path: { id } } })).data?.custom_fields ?? {};
    const after = await view(changed);
    expect(after.cf_CustomerTier).toBe('gold');
    expect(typeof after.cf_late_field).toBe('number');
    expect(after.cf_order_number === null || typeof after.cf_order_number === 'string').toBe(true);
    const fresh = await view(createdId);
    expect(fresh).toHaveProperty('cf_late_field', null);
    // The list shows the same.
    const query = { updated_since: '2000-01-01T00:00:00Z' };
    let listed: unknown;
    for await (const t of client.paginate('/tickets', { perPage: 100, params: { query } }))
      if (t.id === changed) listed = t.custom_fields;
    expect(listed).toEqual(after);
  });

  it('snapshots every resource as the API returns it', async () => {
    for (const resource of sim.control.resources) {
      expect(sim.control.snapshot(resource).length, resource).toBeGreaterThan(0);
    }
    const agents = [];
    for await (const a of client.paginate('/agents')) agents.push(a);
    expect(agents).toEqual(sim.control.snapshot('agents'));
    const withDescription = sim.control.snapshot('tickets', { include: ['description'] })[0];
    expect(typeof withDescription?.description_text).toBe('string');
    let n = 0;
    for (const _ of sim.control.records('contacts')) n++;
    expect(n).toBe(sim.control.snapshot('contacts').length);
  });

  it('offers the same operations over HTTP under /_control', async () => {
    const info = await control('/info');
    const counts = sim.control.info();
    expect(info.json).toMatchObject({
      tickets: counts.tickets,
      contacts: counts.contacts,
      companies: counts.companies,
    });
    const now = sim.control.now().getTime();
    const advanced = await control('/advance-clock', { ms: DAY });
    expect(Date.parse(advanced.json.now as string)).toBeGreaterThanOrEqual(now + DAY);
    expect((await control('/mutate', { resource: 'tickets', count: 2 })).json.ids).toHaveLength(2);
    expect((await control('/delete-tickets', { count: 1 })).json.ids).toHaveLength(1);
    expect((await control('/spam-tickets', { count: 1 })).json.ids).toHaveLength(1);
    // Schema drift over HTTP: every listed ticket (and contact) gets the new field...
    const listedTickets = async () =>
      (await client.GET('/tickets', { params: { query: { updated_since: '2000-01-01T00:00:00Z' } } })).data ??
      [];
    expect((await listedTickets()).every((t) => !('cf_http_field' in t.custom_fields))).toBe(true);
    for (const resource of ['tickets', 'contacts']) {
      const added = await control('/custom-fields', {
        resource,
        name: 'cf_http_field',
        type: 'checkbox',
        nullRate: 0,
      });
      expect(added).toEqual({ status: 200, json: { added: 'cf_http_field' } });
    }
    // Generated tickets get generated values; the one created through the API above reads null.
    const generated = sim.control.info().tickets - 1;
    const drifted = await listedTickets();
    expect(drifted.length).toBeGreaterThan(0);
    expect(drifted.every((t) => 'cf_http_field' in t.custom_fields)).toBe(true);
    expect(drifted.every((t) => t.id > generated || typeof t.custom_fields.cf_http_field === 'boolean')).toBe(
      true,
    );
    const contacts = (await client.GET('/contacts', {})).data ?? [];
    expect(contacts.every((c) => typeof c.custom_fields?.cf_http_field === 'boolean')).toBe(true);
    // ...and type drift over HTTP changes the shape of its values.
    const changed = await control('/field-type', {
      resource: 'tickets',
      name: 'cf_http_field',
      type: 'text',
    });
    expect(changed).toEqual({ status: 200, json: { changed: 'cf_http_field' } });
    const retyped = await listedTickets();
    expect(retyped.every((t) => t.id > generated || typeof t.custom_fields.cf_http_field === 'string')).toBe(
      true,
    );
    expect(
      (await control('/field-type', { resource: 'tickets', name: 'cf_nope', type: 'text' })).status,
    ).toBe(400);
    const snapshot = await fetch(`${sim.url}/_control/snapshot/groups`);
    expect(await snapshot.json()).toEqual(sim.control.snapshot('groups'));
    expect((await control('/faults', { kind: '503', count: 1 })).status).toBe(200);
    expect((await rawGet(sim, '/groups')).status).toBe(503);
    expect((await control('/mutate', { resource: 'nope', count: 1 })).status).toBe(400);
    expect((await control('/nope', {})).status).toBe(404);
    const notJson = await fetch(`${sim.url}/_control/mutate`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
  });
});
