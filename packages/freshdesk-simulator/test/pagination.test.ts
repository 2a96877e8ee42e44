import { describe, expect, it } from 'vitest';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 120, contacts: 250, seed: 'paging' });
const client = clientFor(sim);

describe('page and per_page', () => {
  it('defaults to 30 per page and page 1', async () => {
    const response = await rawGet(sim, '/contacts');
    const items = (await response.json()) as { id: number }[];
    expect(items).toHaveLength(30);
    const page2 = (await (await rawGet(sim, '/contacts?page=2')).json()) as { id: number }[];
    expect(page2[0]?.id).toBeGreaterThan(items[29]?.id ?? Number.POSITIVE_INFINITY);
  });

  it('accepts up to 100 per page and rejects more with a validation error', async () => {
    expect(((await (await rawGet(sim, '/contacts?per_page=100')).json()) as unknown[]).length).toBe(100);
    const { error, response } = await client.GET('/contacts', { params: { query: { per_page: 101 } } });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      description: 'Validation failed',
      errors: [{ field: 'per_page', code: 'invalid_value' }],
    });
    expect((await rawGet(sim, '/contacts?page=0')).status).toBe(400);
    expect((await rawGet(sim, '/contacts?page=abc')).status).toBe(400);
  });

  it('sends an absolute Link to the next page only when there is one', async () => {
    const live = sim.control.snapshot('contacts').filter((c) => !c.deleted && !c.blocked).length;
    const lastPage = Math.ceil(live / 100);
    const first = await rawGet(sim, '/contacts?per_page=100&state=');
    const link = first.headers.get('link');
    expect(link).toBe(`<${sim.baseUrl}/contacts?per_page=100&state=&page=2>; rel="next"`);
    const last = await rawGet(sim, `/contacts?per_page=100&page=${lastPage}`);
    expect(last.headers.get('link')).toBeNull();
    expect(((await last.json()) as unknown[]).length).toBe(live - (lastPage - 1) * 100);
    const beyond = await rawGet(sim, `/contacts?per_page=100&page=${lastPage + 1}`);
    expect(await beyond.json()).toEqual([]);
    expect(beyond.headers.get('link')).toBeNull();
  });

  it('lets the client page through a whole list exactly once per record', async () => {
    const ids: number[] = [];
    for await (const contact of client.paginate('/contacts', { perPage: 7 })) ids.push(contact.id);
    const expected = sim.control
      .snapshot('contacts')
      .filter((c) => !c.deleted && !c.blocked)
      .map((c) => c.id);
    expect(ids).toEqual(expected);
  });

  it('pages nested lists (conversations of a ticket)', async () => {
    const ticket = sim.control.snapshot('conversations').find((c) => typeof c.ticket_id === 'number');
    const ticketId = ticket?.ticket_id as number;
    const expected = sim.control.snapshot('conversations').filter((c) => c.ticket_id === ticketId);
    const seen = [];
    for await (const c of client.paginate('/tickets/{id}/conversations', {
      params: { path: { id: ticketId } },
      perPage: 1,
    })) {
      seen.push(c);
    }
    expect(seen).toEqual(expected);
  });
});
