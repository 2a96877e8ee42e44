import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  createScaledClock,
  type FreshdeskClient,
  type FreshdeskEvent,
  parseRetryAfter,
  RateLimiter,
  type RateLimiterEvent,
} from '../src/index.js';
import { rateLimitedContacts } from './helpers/rate-limited-fake.js';
import { API_KEY, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WINDOW_MS = 400;
const SCALE = 60_000 / WINDOW_MS;

async function paginateAll(clients: FreshdeskClient[], callers: number): Promise<number[][]> {
  return Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      const fd = clients[caller % clients.length] as FreshdeskClient;
      const ids: number[] = [];
      for await (const c of fd.paginate('/contacts', {
        params: { query: { company_id: caller + 1 } },
        perPage: 3,
      })) {
        ids.push(c.id);
      }
      return ids;
    }),
  );
}

describe('rate limiting', () => {
  it('8 parallel paginations on one client finish without a 429 storm, learning the budget from headers', async () => {
    const fake = rateLimitedContacts({
      budget: 12,
      windowMs: WINDOW_MS,
      pages: 8,
      origin: () => server?.origin ?? '',
    });
    server = await startServer(fake.handler);
    const events: FreshdeskEvent[] = [];
    // The client believes it may send 1,000/min; the server allows 12. Headers and Retry-After must correct it.
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 1_000,
      clock: createScaledClock(SCALE),
      onEvent: (e) => events.push(e),
    });
    const results = await paginateAll([fd], 8);
    for (const ids of results) expect(ids).toHaveLength(24);
    expect(new Set(results.flat()).size).toBe(8 * 24);
    expect(fake.stats.ok).toBe(64);
    // The limiter learns the budget from the first answers and keeps under it; the bound leaves room for requests
    // a loaded machine delays into the server's next window.
    expect(fake.stats.limited).toBeLessThanOrEqual(16);
    expect(fd.rateLimiter.limit).toBe(12);
    expect(
      events.some((e) => e.type === 'wait' && (e.reason === 'budget' || e.reason === 'retry-after')),
    ).toBe(true);
    expect(events.some((e) => e.type === 'rate-limit' && e.serverLimit === 12)).toBe(true);
  });

  it('waits out Retry-After when another process spends part of the budget, and all callers complete', async () => {
    const fake = rateLimitedContacts({
      budget: 12,
      foreignUse: 6,
      startExhausted: true,
      windowMs: WINDOW_MS,
      pages: 6,
      origin: () => server?.origin ?? '',
    });
    server = await startServer(fake.handler);
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      clock: createScaledClock(SCALE),
      onEvent: (e) => events.push(e),
    });
    const results = await paginateAll([fd], 8);
    for (const ids of results) expect(ids).toHaveLength(18);
    expect(fake.stats.ok).toBe(48);
    expect(fake.stats.limited).toBeGreaterThanOrEqual(8);
    // The 8 first requests meet a spent budget. After that each 429 pauses every caller until Retry-After and
    // Remaining makes the limiter pace itself, so about one request per exhausted minute is refused (8 minutes
    // here), not one per caller per retry.
    expect(fake.stats.limited).toBeLessThanOrEqual(32);
    expect(events.some((e) => e.type === 'retry' && e.reason === 'rate-limited')).toBe(true);
    expect(events.some((e) => e.type === 'wait' && e.reason === 'retry-after')).toBe(true);
  });

  it('a limiter shared by two clients of one account keeps both under the budget', async () => {
    const fake = rateLimitedContacts({
      budget: 10,
      windowMs: WINDOW_MS,
      pages: 6,
      origin: () => server?.origin ?? '',
    });
    server = await startServer(fake.handler);
    const clock = createScaledClock(SCALE);
    const limiterEvents: RateLimiterEvent[] = [];
    const shared = new RateLimiter({ requestsPerMinute: 10, clock, onEvent: (e) => limiterEvents.push(e) });
    const a = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, rateLimiter: shared, clock });
    const b = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, rateLimiter: shared, clock });
    expect(a.rateLimiter).toBe(shared);
    expect(b.rateLimiter).toBe(shared);
    const results = await paginateAll([a, b], 8);
    for (const ids of results) expect(ids).toHaveLength(18);
    expect(fake.stats.ok).toBe(48);
    expect(fake.stats.limited).toBeLessThanOrEqual(16);
    expect(limiterEvents.some((e) => e.type === 'wait' && e.reason === 'budget')).toBe(true);
    expect(limiterEvents.some((e) => e.type === 'budget' && e.serverLimit === 10)).toBe(true);
  });

  it('spaces requests out when X-RateLimit-Remaining runs low', async () => {
    const clock = createScaledClock(SCALE);
    const waits: RateLimiterEvent[] = [];
    const limiter = new RateLimiter({ requestsPerMinute: 100, clock, onEvent: (e) => waits.push(e) });
    limiter.observe({
      status: 200,
      headers: new Headers({ 'X-RateLimit-Total': '100', 'X-RateLimit-Remaining': '3' }),
    });
    await limiter.acquire();
    await limiter.acquire();
    expect(waits.some((e) => e.type === 'wait' && e.reason === 'low-remaining')).toBe(true);
    expect(limiter.snapshot()).toMatchObject({ limit: 100, remaining: 1, usedInWindow: 2 });
  });

  it('uses the plan budget until the server reports one, and rejects bad settings', () => {
    expect(new RateLimiter({ plan: 'pro' }).limit).toBe(400);
    expect(new RateLimiter({ plan: 'pro', requestsPerMinute: 90 }).limit).toBe(90);
    const learning = new RateLimiter();
    expect(learning.limit).toBe(50);
    learning.observe({ status: 200, headers: new Headers({ 'X-RateLimit-Total': '700' }) });
    expect(learning.limit).toBe(700);
    const capped = new RateLimiter({ plan: 'enterprise' });
    capped.observe({ status: 200, headers: new Headers({ 'X-RateLimit-Total': '200' }) });
    expect(capped.limit).toBe(200);
    expect(() => new RateLimiter({ requestsPerMinute: 0 })).toThrow(
      /requestsPerMinute must be a number >= 1/,
    );
    // @ts-expect-error unknown plan
    expect(() => new RateLimiter({ plan: 'platinum' })).toThrow(/Unknown Freshdesk plan "platinum"/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30_000);
  });

  it('an abort while queued for budget rejects that caller only', async () => {
    const clock = createScaledClock(SCALE);
    const limiter = new RateLimiter({ requestsPerMinute: 1, clock });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire({ signal: controller.signal });
    const other = limiter.acquire();
    controller.abort(new Error('user cancelled'));
    await expect(waiting).rejects.toThrow('user cancelled');
    // The next caller still gets its turn when the minute (400 ms real) has passed.
    await expect(other).resolves.toBeUndefined();
    expect(limiter.snapshot().usedInWindow).toBeGreaterThanOrEqual(1);
  });
});
