import { afterEach, describe, expect, it } from 'vitest';
import { createFreshdeskClient, type FreshdeskEvent, FreshdeskPaginationError } from '../src/index.js';
import { makeTickets } from './helpers/freshdesk-fake.js';
import { API_KEY, AUTHORIZATION, sendJson, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(baseUrl: string, onEvent?: (e: FreshdeskEvent) => void) {
  return createFreshdeskClient({
    apiKey: API_KEY,
    baseUrl,
    requestsPerMinute: 100_000,
    ...(onEvent ? { onEvent } : {}),
  });
}

describe('paginate', () => {
  it('follows Link rel="next" across pages, including an empty page that still has a next link', async () => {
    // Pages: 3 items, 0 items (with Link), 2 items (no Link). "Until an empty page" would stop too early.
    const pages = [[1, 2, 3], [], [4, 5]];
    server = await startServer((req, res) => {
      if (req.headers.authorization !== AUTHORIZATION)
        return sendJson(res, 401, { code: 'invalid_credentials' });
      const cursor = Number(req.url.searchParams.get('cursor') ?? '0');
      const contacts = (pages[cursor] ?? []).map((id) => ({ id, name: `C${id}` }));
      const headers: Record<string, string> =
        cursor + 1 < pages.length
          ? { Link: `<${server?.baseUrl}/contacts?per_page=100&cursor=${cursor + 1}>; rel="next"` }
          : {};
      sendJson(res, 200, contacts, headers);
    });
    const events: FreshdeskEvent[] = [];
    const fd = client(server.baseUrl, (e) => events.push(e));
    const ids: number[] = [];
    const pageSizes: number[] = [];
    for await (const contact of fd.paginate('/contacts', {
      params: { query: { state: 'verified' } },
      onPage: (info) => pageSizes.push(info.items),
    })) {
      ids.push(contact.id);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(pageSizes).toEqual([3, 0, 2]);
    expect(server.requests).toHaveLength(3);
    const first = server.requests[0]?.url;
    expect(first?.pathname).toBe('/api/v2/contacts');
    expect(first?.searchParams.get('per_page')).toBe('100');
    expect(first?.searchParams.get('state')).toBe('verified');
    expect(server.requests[2]?.url.searchParams.get('cursor')).toBe('2');
    expect(
      events.filter((e) => e.type === 'page').map((e) => (e.type === 'page' ? e.totalItems : 0)),
    ).toEqual([3, 3, 5]);
  });

  it('fills path parameters of nested lists and serialises include lists comma separated', async () => {
    server = await startServer((req, res) => {
      if (req.url.pathname === '/api/v2/tickets/42/conversations') {
        return sendJson(res, 200, [{ id: 7, ticket_id: 42, body: '<p>x</p>', body_text: 'x' }]);
      }
      return sendJson(res, 200, makeTickets([1_700_000_000]));
    });
    const fd = client(server.baseUrl);
    const conversations = [];
    for await (const c of fd.paginate('/tickets/{id}/conversations', {
      params: { path: { id: 42 } },
      perPage: 5,
    })) {
      conversations.push(c);
    }
    expect(conversations.map((c) => c.id)).toEqual([7]);
    expect(server.requests[0]?.url.searchParams.get('per_page')).toBe('5');
    const pages = [];
    for await (const page of fd.paginatePages('/tickets', {
      params: { query: { include: ['requester', 'stats'], updated_since: '2024-01-01T00:00:00Z' } },
    })) {
      pages.push(page);
    }
    expect(pages).toHaveLength(1);
    expect(pages[0]?.nextUrl).toBeUndefined();
    expect(server.requests[1]?.url.search).toContain('include=requester,stats');
  });

  it('stops with a clear error when a list endpoint does not return an array or Link loops', async () => {
    server = await startServer((req, res) => {
      if (req.url.pathname.endsWith('/groups')) return sendJson(res, 200, { not: 'a list' });
      const self = `${server?.origin}${req.url.pathname}${req.url.search}`;
      return sendJson(res, 200, [{ id: 1 }], { Link: `<${self}>; rel="next"` });
    });
    const fd = client(server.baseUrl);
    await expect(fd.paginate('/groups').next()).rejects.toThrow(/instead of a JSON array/);
    const loop = fd.paginate('/roles');
    await expect(
      (async () => {
        for await (const _ of loop) {
          // drain
        }
      })(),
    ).rejects.toBeInstanceOf(FreshdeskPaginationError);
  });

  it('sends no per_page to list endpoints that are not paginated', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, [{ id: 1, name: 'email', label: 'Email' }]));
    const fd = client(server.baseUrl);
    const fields = [];
    for await (const field of fd.paginate('/contact_fields')) fields.push(field);
    expect(fields).toHaveLength(1);
    expect(server.requests[0]?.url.search).toBe('');
  });

  it('rejects a perPage outside 1..100 before sending anything', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, []));
    const fd = client(server.baseUrl);
    await expect(fd.paginate('/companies', { perPage: 101 }).next()).rejects.toThrow(
      /perPage must be an integer from 1 to 100/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
