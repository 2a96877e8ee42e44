import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  type FreshdeskEvent,
  FreshdeskPaginationError,
  type Ticket,
} from '../src/index.js';
import { type FakeTicket, isoSecond, makeTickets, ticketListHandler } from './helpers/freshdesk-fake.js';
import { API_KEY, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BASE = 1_700_000_000;

/** 1,000 tickets in groups of 7 sharing one second, so groups straddle every window edge; ids not in order. */
function fixture(): FakeTicket[] {
  const tickets = makeTickets(Array.from({ length: 1000 }, (_, i) => BASE + Math.floor(i / 7)));
  return tickets.map((t, i) => ({ ...t, id: ((i * 7919) % 10_007) + 1 }));
}

async function drain(iterable: AsyncIterable<Ticket>): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const t of iterable) out.push(t);
  return out;
}

function expectEachOnceInOrder(listed: Ticket[], tickets: FakeTicket[]): void {
  expect(listed.map((t) => t.id).sort((a, b) => a - b)).toEqual(
    tickets.map((t) => t.id).sort((a, b) => a - b),
  );
  for (let i = 1; i < listed.length; i += 1) {
    expect(Date.parse(listed[i]?.updated_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(listed[i - 1]?.updated_at ?? ''),
    );
  }
}

/** The window tests make 500 sequential requests: a ceiling for a machine busy with other test files. */
const MANY_PAGES = { timeout: 120_000 };

describe('listTicketsByUpdatedAt', () => {
  it(
    'continues past page 300 in updated_since windows, dropping duplicates at each edge',
    MANY_PAGES,
    async () => {
      const tickets = fixture();
      server = await startServer((req, res) => ticketListHandler(tickets, server?.origin ?? '')(req, res));
      const events: FreshdeskEvent[] = [];
      const fd = createFreshdeskClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        requestsPerMinute: 1_000_000,
        onEvent: (e) => events.push(e),
      });
      const listed = await drain(
        fd.listTicketsByUpdatedAt({ perPage: 2, include: ['stats'], pagesPerWindow: 300 }),
      );
      expectEachOnceInOrder(listed, tickets);
      const windows = events.filter((e) => e.type === 'ticket-window');
      expect(windows.length).toBeGreaterThanOrEqual(2);
      expect(windows[0]).toMatchObject({ window: 1, updatedSince: '1970-01-01T00:00:00Z' });
      const pages = server.requests.map((r) => Number(r.url.searchParams.get('page') ?? '1'));
      expect(Math.max(...pages)).toBe(300);
      const first = server.requests[0]?.url.searchParams;
      expect(first?.get('order_by')).toBe('updated_at');
      expect(first?.get('order_type')).toBe('asc');
      expect(first?.get('include')).toBe('stats');
      // The second window starts at the last updated_at of the first (inclusive), not one second later.
      const secondWindow = server.requests.find(
        (r) => r.url.searchParams.get('updated_since') !== '1970-01-01T00:00:00Z',
      );
      const lastOfFirstWindow = listed[599];
      expect(secondWindow?.url.searchParams.get('updated_since')).toBe(lastOfFirstWindow?.updated_at);
    },
  );

  it('also re-windows on the 400 Freshdesk sends for page 301', MANY_PAGES, async () => {
    const tickets = fixture();
    server = await startServer((req, res) => ticketListHandler(tickets, server?.origin ?? '')(req, res));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 1_000_000,
    });
    // pageCap above the server's cap: the client follows Link to page 301 and gets the 400.
    const listed = await drain(
      fd.listTicketsByUpdatedAt({
        perPage: 2,
        pageCap: 10_000,
        pagesPerWindow: 10_000,
        updatedSince: new Date(0),
      }),
    );
    expectEachOnceInOrder(listed, tickets);
    expect(server.requests.some((r) => r.url.searchParams.get('page') === '301')).toBe(true);
  });

  it('by default starts every page at the last updated_at seen, paging by offset only within one second', async () => {
    const tickets = fixture();
    server = await startServer((req, res) => ticketListHandler(tickets, server?.origin ?? '')(req, res));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 1_000_000,
    });
    const listed = await drain(fd.listTicketsByUpdatedAt({ perPage: 5 }));
    expectEachOnceInOrder(listed, tickets);
    // Groups of 7 tickets share a second: a page of 5 never needs more than page 2 of a window.
    const pages = server.requests.map((r) => Number(r.url.searchParams.get('page') ?? '1'));
    expect(Math.max(...pages)).toBe(2);
  });

  it('neither skips nor loses tickets that are updated while the listing runs', async () => {
    const run = async (pagesPerWindow: number) => {
      const tickets = fixture();
      const served = new Set<number>();
      let bumps = 0;
      server = await startServer((req, res) => {
        // Another agent keeps updating tickets we have already read: they move to the end of the order.
        const seen = tickets.find(
          (t) => served.has(t.id) && Date.parse(t.updated_at) < (BASE + 5_000) * 1000,
        );
        if (seen && server && server.requests.length % 3 === 0) {
          seen.updated_at = isoSecond(BASE + 5_000 + bumps);
          bumps += 1;
        }
        const write = res.end.bind(res);
        res.end = ((chunk: string) => {
          const body: unknown = JSON.parse(chunk);
          if (Array.isArray(body)) for (const t of body as FakeTicket[]) served.add(t.id);
          return write(chunk);
        }) as typeof res.end;
        ticketListHandler(tickets, server?.origin ?? '')(req, res);
      });
      const fd = createFreshdeskClient({
        apiKey: API_KEY,
        baseUrl: server.baseUrl,
        requestsPerMinute: 1_000_000,
      });
      const listed = await drain(fd.listTicketsByUpdatedAt({ perPage: 10, pagesPerWindow }));
      await server.close();
      server = undefined;
      const missing = tickets.filter((t) => !listed.some((l) => l.id === t.id)).length;
      const keys = listed.map((t) => `${t.id}@${t.updated_at}`);
      return { missing, bumps, repeatedVersions: keys.length - new Set(keys).size };
    };
    const keyset = await run(1);
    expect(keyset.bumps).toBeGreaterThan(10);
    expect(keyset.missing).toBe(0);
    expect(keyset.repeatedVersions).toBe(0);
    // Why the default is one page: long offset windows lose tickets when earlier ones move to the end.
    const offsets = await run(300);
    expect(offsets.bumps).toBeGreaterThan(10);
    expect(offsets.missing).toBeGreaterThan(0);
  });

  it('fails clearly instead of looping when more than a window of tickets share one second', async () => {
    const tickets = makeTickets(Array.from({ length: 50 }, () => BASE));
    server = await startServer((req, res) => ticketListHandler(tickets, server?.origin ?? '', 20)(req, res));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 1_000_000,
    });
    const listed: Ticket[] = [];
    const error = await (async () => {
      for await (const t of fd.listTicketsByUpdatedAt({ perPage: 2, pageCap: 20 })) listed.push(t);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskPaginationError);
    expect((error as Error).message).toMatch(/share updated_at 2023-11-14T22:13:20Z.*Narrow the listing/);
    // Everything it could read was yielded once before failing.
    expect(new Set(listed.map((t) => t.id)).size).toBe(40);
    expect(listed).toHaveLength(40);
  });

  it('honours the caller filters and a start time', async () => {
    const tickets = fixture();
    server = await startServer((req, res) => ticketListHandler(tickets, server?.origin ?? '')(req, res));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 1_000_000,
    });
    const since = new Date((BASE + 100) * 1000);
    const listed = await drain(fd.listTicketsByUpdatedAt({ updatedSince: since, query: { company_id: 5 } }));
    expectEachOnceInOrder(
      listed,
      tickets.filter((t) => Date.parse(t.updated_at) >= since.getTime()),
    );
    expect(server.requests[0]?.url.searchParams.get('company_id')).toBe('5');
    expect(server.requests[0]?.url.searchParams.get('updated_since')).toBe('2023-11-14T22:15:00Z');
  });
});
