import { describe, expect, it } from 'vitest';
import { compileQuery, parseSearchQuery } from '../src/search/query.js';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 1500, seed: 'search' });
const client = clientFor(sim);
type Row = Record<string, unknown> & { id: number };
const tickets = sim.control.snapshot('tickets').filter((t) => !t.deleted && !t.spam) as Row[];

/** Every search result of a query through the client, with the reported total. */
async function searchAll(path: '/search/tickets' | '/search/contacts' | '/search/companies', query: string) {
  const result = await client.searchAll(path, query);
  return { ids: result.results.map((r) => r.id), total: result.total, truncated: result.truncated };
}

function newestFirst(rows: Row[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => b - a);
}

describe('search query language', () => {
  it('parses equality, comparisons, AND/OR and parentheses with AND binding tighter', () => {
    const node = parseSearchQuery(`"status:2 OR priority:>3 AND (tag:'vip' OR type:null)"`);
    expect(node).toMatchObject({
      kind: 'or',
      left: { field: 'status', op: '=', value: 2 },
      right: { kind: 'and' },
    });
    const match = compileQuery(node, (r, f) => r[f === 'tag' ? 'tags' : f]);
    expect(match({ status: 3, priority: 4, tags: ['vip'], type: 'x' })).toBe(true);
    expect(match({ status: 3, priority: 4, tags: [], type: 'x' })).toBe(false);
    expect(match({ status: 2, priority: 1, tags: [], type: 'x' })).toBe(true);
    expect(() => parseSearchQuery('status:2')).toThrow(/double quotes/);
    expect(() => parseSearchQuery('"status:"')).toThrow(/Missing value/);
    expect(() => parseSearchQuery('"(status:2"')).toThrow(/Missing "\)"/);
    expect(() => parseSearchQuery(`"name:'open"`)).toThrow(/Unterminated/);
  });
});

describe('GET /search/*', () => {
  it('finds tickets by field equality with AND/OR', async () => {
    const expected = tickets.filter((t) => t.priority === 4 && (t.status === 2 || t.status === 3));
    const { ids, total } = await searchAll('/search/tickets', 'priority:4 AND (status:2 OR status:3)');
    expect(total).toBe(expected.length);
    expect(ids).toEqual(newestFirst(expected).slice(0, 300));
  });

  it('compares dates by day and searches tags and custom fields', async () => {
    const day = String(tickets[1200]?.updated_at).slice(0, 10);
    const expected = tickets.filter((t) => (t.updated_at as string).slice(0, 10) >= day && t.status === 5);
    const { ids } = await searchAll('/search/tickets', `updated_at:>'${day}' AND status:5`);
    expect(ids).toEqual(newestFirst(expected).slice(0, 300));
    const upTo = tickets.filter((t) => (t.created_at as string).slice(0, 10) <= day && t.priority === 4);
    expect((await searchAll('/search/tickets', `created_at:<'${day}' AND priority:4`)).total).toBe(
      upTo.length,
    );
    const vipEmea = tickets.filter(
      (t) => (t.tags as string[]).includes('vip') && (t.custom_fields as Row).cf_region === 'EMEA',
    );
    expect((await searchAll('/search/tickets', "tag:'vip' AND cf_region:'EMEA'")).ids).toEqual(
      newestFirst(vipEmea),
    );
  });

  it('serves 30 results per page, at most 10 pages, and reports truncation', async () => {
    const all = tickets.filter((t) => t.priority !== 4);
    expect(all.length).toBeGreaterThan(300);
    const result = await searchAll('/search/tickets', 'priority:<3 OR priority:3');
    expect(result.total).toBe(all.length);
    expect(result.truncated).toBe(true);
    expect(result.ids).toHaveLength(300);
    const page = await rawGet(sim, `/search/tickets?query=${encodeURIComponent('"priority:<3"')}&page=2`);
    const body = (await page.json()) as { total: number; results: unknown[] };
    expect(body.results).toHaveLength(30);
    expect(page.headers.get('link')).toBeNull();
    expect(
      (await rawGet(sim, `/search/tickets?query=${encodeURIComponent('"status:2"')}&page=11`)).status,
    ).toBe(400);
  });

  it('searches contacts and companies', async () => {
    const contacts = sim.control.snapshot('contacts').filter((c) => !c.deleted) as Row[];
    const someone = contacts[4] as Row;
    const byEmail = await searchAll('/search/contacts', `email:'${someone.email as string}'`);
    expect(byEmail.ids).toEqual([someone.id]);
    const companies = sim.control.snapshot('companies') as Row[];
    const retail = companies.filter((c) => c.industry === 'Retail');
    expect((await searchAll('/search/companies', "industry:'Retail'")).ids).toEqual(newestFirst(retail));
  });

  it('rejects malformed queries and unknown fields with a validation error', async () => {
    for (const query of ['status:2', '"status:2 AND"', '"nosuchfield:1"']) {
      const response = await rawGet(sim, `/search/tickets?query=${encodeURIComponent(query)}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'query', code: 'invalid_value' }] });
    }
  });
});
