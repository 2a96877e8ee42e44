import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  type FreshdeskEvent,
  quoteSearchQuery,
  type SearchTruncation,
} from '../src/index.js';
import { makeTickets } from './helpers/freshdesk-fake.js';
import { API_KEY, sendJson, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Freshdesk's search: 30 per page, pages 1..10 only, `{ total, results }`. */
async function searchServer(total: number): Promise<TestServer> {
  const tickets = makeTickets(Array.from({ length: Math.min(total, 400) }, (_, i) => 1_700_000_000 + i));
  return startServer((req, res) => {
    const page = Number(req.url.searchParams.get('page') ?? '1');
    if (page > 10) {
      return sendJson(res, 400, {
        description: 'Validation failed',
        errors: [
          {
            field: 'page',
            message: 'Value set is of type Integer. It should be between 1 and 10',
            code: 'invalid_value',
          },
        ],
      });
    }
    sendJson(res, 200, { total, results: tickets.slice((page - 1) * 30, page * 30) });
  });
}

describe('search', () => {
  it('reads every page of a small result set and says it is complete', async () => {
    server = await searchServer(75);
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const result = await fd.searchAll('/search/tickets', 'priority:3 AND status:2');
    expect(result).toMatchObject({ total: 75, truncated: false });
    expect(result.results).toHaveLength(75);
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(server.requests[0]?.url.searchParams.get('query')).toBe('"priority:3 AND status:2"');
  });

  it('signals when the 300-result cap truncates a query and never asks for page 11', async () => {
    server = await searchServer(1234);
    const events: FreshdeskEvent[] = [];
    const truncations: SearchTruncation[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      onEvent: (e) => events.push(e),
    });
    const ids: number[] = [];
    for await (const ticket of fd.search('/search/tickets', '"status:2"', {
      onTruncated: (t) => truncations.push(t),
    })) {
      ids.push(ticket.id);
    }
    expect(ids).toHaveLength(300);
    expect(truncations).toEqual([
      { path: '/search/tickets', query: '"status:2"', total: 1234, available: 300 },
    ]);
    expect(events.filter((e) => e.type === 'search-truncated')).toHaveLength(1);
    expect(server.requests).toHaveLength(10);
    const pages = [];
    for await (const page of fd.searchPages('/search/tickets', 'status:2')) pages.push(page);
    expect(pages.every((p) => p.truncated && p.total === 1234)).toBe(true);
    expect((await fd.searchAll('/search/tickets', 'status:2')).truncated).toBe(true);
  });

  it('quotes queries once', () => {
    expect(quoteSearchQuery('status:2')).toBe('"status:2"');
    expect(quoteSearchQuery(' "status:2" ')).toBe('"status:2"');
  });
});
