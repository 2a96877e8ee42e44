import { FreshdeskApiError } from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const DAY_MS = 86_400_000;
const sim = await startRecordedSimulator({ tickets: 400, seed: 'tickets' });
const client = clientFor(sim);
const all = sim.control.snapshot('tickets');
const live = all.filter((t) => !t.deleted && !t.spam);

async function listAll(
  query: string,
): Promise<{ id: number; created_at: string; updated_at: string; status: number }[]> {
  const out = [];
  for (let page = 1; ; page++) {
    const response = await rawGet(sim, `/tickets?per_page=100&page=${page}&${query}`);
    expect(response.status).toBe(200);
    out.push(
      ...((await response.json()) as {
        id: number;
        created_at: string;
        updated_at: string;
        status: number;
      }[]),
    );
    if (!response.headers.get('link')) return out;
  }
}

describe('GET /tickets', () => {
  it('lists only tickets created in the last 30 days without updated_since, newest first', async () => {
    const since = sim.control.now().getTime() - 30 * DAY_MS;
    const expected = live
      .filter((t) => Date.parse(t.created_at as string) >= since)
      .map((t) => t.id)
      .reverse();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(live.length);
    const ids = [];
    for await (const t of client.paginate('/tickets')) ids.push(t.id);
    expect(ids).toEqual(expected);
  });

  it('lists every ticket updated since a time, with order_by and order_type', async () => {
    const rows = await listAll('updated_since=2000-01-01T00:00:00Z&order_by=updated_at&order_type=asc');
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(live.map((t) => t.id));
    const times = rows.map((r) => Date.parse(r.updated_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const cut = rows[200]?.updated_at as string;
    const later = await listAll(`updated_since=${cut}&order_by=updated_at&order_type=asc`);
    expect(later.every((r) => r.updated_at >= cut)).toBe(true);
    expect(later.length).toBe(rows.filter((r) => r.updated_at >= cut).length);

    const byStatus = await listAll('updated_since=2000-01-01T00:00:00Z&order_by=status&order_type=desc');
    const statuses = byStatus.map((r) => r.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => b - a));
    const createdAsc = await listAll('updated_since=2000-01-01T00:00:00Z&order_by=created_at&order_type=asc');
    expect(createdAsc.map((r) => r.id)).toEqual(live.map((t) => t.id));
  });

  it('orders by due_by, ascending and descending', async () => {
    const byDue = async (orderType: 'asc' | 'desc') => {
      const rows: { id: number; due_by: string }[] = [];
      const query = {
        updated_since: '2000-01-01T00:00:00Z',
        order_by: 'due_by',
        order_type: orderType,
      } as const;
      for await (const t of client.paginate('/tickets', { perPage: 100, params: { query } }))
        rows.push({ id: t.id, due_by: t.due_by as string });
      return rows;
    };
    const asc = await byDue('asc');
    // Every live ticket once, by (due_by, id): due_by is not creation order (it depends on the priority).
    const expected = live
      .map((t) => ({ id: t.id as number, due_by: t.due_by as string }))
      .sort((a, b) => Date.parse(a.due_by) - Date.parse(b.due_by) || a.id - b.id);
    expect(asc).toEqual(expected);
    expect(asc.map((r) => r.id)).not.toEqual(live.map((t) => t.id));
    expect(await byDue('desc')).toEqual([...expected].reverse());
  });

  it('hides deleted and spam tickets unless filter=deleted|spam asks for them', async () => {
    const deleted = all.filter((t) => t.deleted).map((t) => t.id);
    const spam = all.filter((t) => t.spam && !t.deleted).map((t) => t.id);
    expect(deleted.length + spam.length).toBeGreaterThan(0);
    const since = 'updated_since=2000-01-01T00:00:00Z&order_by=created_at&order_type=asc';
    expect((await listAll(`${since}&filter=deleted`)).map((t) => t.id)).toEqual(deleted);
    expect((await listAll(`${since}&filter=spam`)).map((t) => t.id)).toEqual(spam);
    const { response } = await client.GET('/tickets', { params: { query: { filter: 'nope' as 'spam' } } });
    expect(response.status).toBe(400);
  });

  it('filters by requester and company', async () => {
    const sample = live[10] as { requester_id: number; company_id: number | null };
    const rows = await listAll(`updated_since=2000-01-01T00:00:00Z&requester_id=${sample.requester_id}`);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      live.filter((t) => t.requester_id === sample.requester_id).map((t) => t.id),
    );
    const withCompany = live.find((t) => t.company_id !== null) as { company_id: number };
    const byCompany = await listAll(
      `updated_since=2000-01-01T00:00:00Z&company_id=${withCompany.company_id}`,
    );
    expect(byCompany.length).toBe(live.filter((t) => t.company_id === withCompany.company_id).length);
  });

  it('embeds stats, requester, description and company on request, each costing 2 credits', async () => {
    const { data, response } = await client.GET('/tickets', {
      params: {
        query: {
          include: ['stats', 'requester', 'description', 'company'],
          updated_since: '2000-01-01T00:00:00Z',
        },
      },
    });
    expect(response.status).toBe(200);
    const ticket = data?.find((t) => t.company_id !== null);
    expect(ticket?.stats).toHaveProperty('resolved_at');
    expect(ticket?.requester?.id).toBe(ticket?.requester_id);
    expect(ticket?.company?.id).toBe(ticket?.company_id);
    expect(typeof ticket?.description_text).toBe('string');
    expect(response.headers.get('x-ratelimit-used-currentrequest')).toBe('9');
    const plain = await client.GET('/tickets', {});
    expect(plain.data?.[0]).not.toHaveProperty('stats');
    expect(plain.data?.[0]).not.toHaveProperty('description');
    expect((await rawGet(sim, '/tickets?include=everything')).status).toBe(400);
  });

  it('rejects pages beyond 300 with Freshdesk exact body', async () => {
    const response = await rawGet(sim, '/tickets?page=301&updated_since=2000-01-01T00:00:00Z');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      '{"description":"Validation failed","errors":[{"field":"page","message":"You cannot access tickets beyond the 300th page. Please provide a smaller page number.","code":"invalid_value"}]}',
    );
    const strict = clientFor(sim, { throwOnError: true });
    const error = await strict.GET('/tickets', { params: { query: { page: 301 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskApiError);
    expect((error as FreshdeskApiError).errors?.[0]).toMatchObject({ field: 'page', code: 'invalid_value' });
  });

  it('lets the client list every ticket past the 300-page cap by re-windowing on updated_at', async () => {
    const ids: number[] = [];
    let windows = 0;
    for await (const t of client.listTicketsByUpdatedAt({ perPage: 1, onWindow: () => windows++ }))
      ids.push(t.id);
    expect(windows).toBeGreaterThan(1);
    expect(ids.length).toBe(live.length);
    expect(new Set(ids).size).toBe(live.length);
  });

  it('views one ticket with description, attachments and embeds', async () => {
    const id = live[0]?.id as number;
    const { data } = await client.GET('/tickets/{id}', {
      params: { path: { id }, query: { include: ['conversations', 'requester', 'company', 'stats'] } },
    });
    expect(data?.id).toBe(id);
    expect(typeof data?.description).toBe('string');
    expect(Array.isArray(data?.attachments)).toBe(true);
    let withAttachments = 0;
    for (const t of live.slice(0, 60)) {
      const view = await client.GET('/tickets/{id}', { params: { path: { id: t.id as number } } });
      if ((view.data?.attachments?.length ?? 0) > 0) withAttachments++;
    }
    expect(withAttachments).toBeGreaterThan(0);
    expect(data?.conversations?.length).toBeGreaterThan(0);
    const missing = await client.GET('/tickets/{id}', { params: { path: { id: 10_000_000 } } });
    expect(missing.response.status).toBe(404);
  });
});
