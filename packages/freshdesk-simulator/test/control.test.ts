import { describe, expect, it } from 'vitest';
import { clientFor, FIXED_NOW, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 200, seed: 'control' });
const client = clientFor(sim);
const DAY = 86_400_000;

async function control(
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/_control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

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
    expect(info.json).toMatchObject({ tickets: 200 });
    const now = sim.control.now().getTime();
    const advanced = await control('/advance-clock', { ms: DAY });
    expect(Date.parse(advanced.json.now as string)).toBeGreaterThanOrEqual(now + DAY);
    expect((await control('/mutate', { resource: 'tickets', count: 2 })).json.ids).toHaveLength(2);
    expect((await control('/delete-tickets', { count: 1 })).json.ids).toHaveLength(1);
    expect((await control('/spam-tickets', { count: 1 })).json.ids).toHaveLength(1);
    expect(
      (await control('/custom-fields', { resource: 'contacts', name: 'cf_http_field', type: 'checkbox' }))
        .status,
    ).toBe(200);
    expect(
      (await control('/field-type', { resource: 'contacts', name: 'cf_http_field', type: 'text' })).status,
    ).toBe(200);
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
