import { describe, expect, it } from 'vitest';
import { alignToSecond, clientFor, controlRequest, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 200, seed: 'block-contacts' });
const client = clientFor(sim);
const http = await startRecordedSimulator({ tickets: 40, seed: 'block-contacts-http' });
const httpClient = clientFor(http);
const HOUR = 3_600_000;

type Contact = Record<string, unknown> & { id: number };

async function listContacts(query: Record<string, string> = {}): Promise<number[]> {
  const ids: number[] = [];
  for await (const c of client.paginate('/contacts', { perPage: 100, params: { query } })) ids.push(c.id);
  return ids.sort((a, b) => a - b);
}

function snapshotContact(id: number): Contact | undefined {
  return sim.control.snapshot('contacts').find((c) => c.id === id) as Contact | undefined;
}

const control = (path: string, body?: unknown) => controlRequest(sim, path, body);

describe('control.blockContacts', () => {
  it('blocks random live contacts: they move to state=blocked with a new updated_at', async () => {
    sim.control.advanceClock(HOUR);
    const mark = alignToSecond(sim);
    const listedBefore = await listContacts();
    const blockedBefore = await listContacts({ state: 'blocked' });

    const ids = sim.control.blockContacts(3);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      // Picked from the live contacts only: listed by default before, not blocked before.
      expect(listedBefore).toContain(id);
      expect(blockedBefore).not.toContain(id);
    }

    expect(await listContacts({ state: 'blocked' })).toEqual(
      [...blockedBefore, ...ids].sort((a, b) => a - b),
    );
    expect(await listContacts()).toEqual(listedBefore.filter((id) => !ids.includes(id)));
    // Nothing else changed since the mark, so an incremental read of blocked contacts finds exactly these.
    expect(await listContacts({ state: 'blocked', _updated_since: mark })).toEqual(ids);
    for (const id of ids) {
      const { data } = await client.GET('/contacts/{id}', { params: { path: { id } } });
      expect(data).toMatchObject({ id, blocked: true, updated_at: mark });
      expect(snapshotContact(id)).toMatchObject({ blocked: true, updated_at: mark });
    }
  });

  it('blocks the contacts given by id, and says why it cannot block others', async () => {
    sim.control.advanceClock(HOUR);
    const mark = alignToSecond(sim);
    const live = await listContacts();
    const [first, second, third] = live;
    expect(third, 'three live contacts').toBeDefined();
    const target = [second, first, second] as number[];
    expect(sim.control.blockContacts(target)).toEqual([first, second]);
    expect(await listContacts({ state: 'blocked', _updated_since: mark })).toEqual([first, second]);
    const { data } = await client.GET('/contacts/{id}', { params: { path: { id: first as number } } });
    expect(data).toMatchObject({ blocked: true, updated_at: mark });

    expect(() => sim.control.blockContacts([first as number])).toThrow(/already blocked/);
    expect(() => sim.control.blockContacts([42])).toThrow(/No contact with id 42/);
    await client.DELETE('/contacts/{id}', { params: { path: { id: third as number } } });
    expect(() => sim.control.blockContacts([third as number])).toThrow(/deleted; restore it/);
    // A failed call blocks nothing, not even the valid ids before the bad one.
    const fourth = (await listContacts())[0] as number;
    expect(() => sim.control.blockContacts([fourth, 42])).toThrow(/No contact/);
    expect(snapshotContact(fourth)?.blocked).toBeUndefined();
    expect(() => sim.control.blockContacts(-1)).toThrow(/non-negative/);
  });

  it('never picks a blocked or deleted contact, and stops when none is left', async () => {
    const live = (await listContacts()).length;
    const ids = sim.control.blockContacts(live + 5);
    expect(ids).toHaveLength(live);
    expect(await listContacts()).toEqual([]);
    expect(sim.control.blockContacts(1)).toEqual([]);
    expect(sim.control.snapshot('contacts').filter((c) => c.deleted === true && c.blocked === true)).toEqual(
      [],
    );
  });

  it('blocks over HTTP: POST /_control/block-contacts with a count or ids', async () => {
    const live: number[] = [];
    for await (const c of httpClient.paginate('/contacts', { perPage: 100 })) live.push(c.id);
    const byId = await fetch(`${http.url}/_control/block-contacts`, {
      method: 'POST',
      body: JSON.stringify({ ids: [live[0]] }),
    });
    expect(await byId.json()).toEqual({ ids: [live[0]] });
    const byCount = await fetch(`${http.url}/_control/block-contacts`, {
      method: 'POST',
      body: JSON.stringify({ count: 2 }),
    });
    const counted = ((await byCount.json()) as { ids: number[] }).ids;
    expect(counted).toHaveLength(2);
    const blocked: number[] = [];
    for await (const c of httpClient.paginate('/contacts', { params: { query: { state: 'blocked' } } }))
      blocked.push(c.id);
    for (const id of [live[0] as number, ...counted]) expect(blocked).toContain(id);

    const bad = await fetch(`${http.url}/_control/block-contacts`, {
      method: 'POST',
      body: JSON.stringify({ ids: [live[0]] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: `Contact ${live[0]} is already blocked.` });
    expect((await control('/block-contacts', { ids: 'all' })).status).toBe(400);
    expect((await control('/block-contacts', {})).status).toBe(400);
  });
});
