import { afterEach, describe, expect, it } from 'vitest';
import {
  type Clock,
  createFreshdeskClient,
  createScaledClock,
  estimateCredits,
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

/** A clock that moves only when told to; sleepers wake when it passes their deadline. */
function manualClock(): Clock & { advance(ms: number): Promise<void> } {
  let now = 0;
  const sleepers: { until: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper = { until: now + ms, resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        });
      }),
    async advance(ms) {
      now += ms;
      for (const sleeper of sleepers.filter((s) => s.until <= now)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.resolve();
      }
      // Let the limiter's pump run and grant whatever is now allowed.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function answer(used: number, remaining?: number): { status: number; headers: Headers } {
  const headers = new Headers({ 'X-RateLimit-Used-CurrentRequest': String(used) });
  if (remaining !== undefined) headers.set('X-RateLimit-Remaining', String(remaining));
  return { status: 200, headers };
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

  it('counts credits: the estimate before sending, then what the answer reports', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 10, clock });
    const first = await limiter.acquire({ cost: 5 });
    const second = await limiter.acquire({ cost: 4 });
    expect(limiter.snapshot().usedInWindow).toBe(9);
    let granted = false;
    const third = limiter.acquire({ cost: 5 }).then((grant) => {
      granted = true;
      return grant;
    });
    await clock.advance(1_000);
    expect(granted).toBe(false);
    // The server charged the first request 1 credit, not 5: the third fits now, without waiting a minute.
    first.settle(answer(1));
    await clock.advance(0);
    expect(granted).toBe(true);
    expect(first.cost).toBe(1);
    expect(limiter.snapshot().usedInWindow).toBe(10);
    second.settle(answer(4));
    (await third).settle(answer(5));
    // A request dearer than the whole budget still goes once the window is empty.
    await clock.advance(61_000);
    expect(limiter.snapshot().usedInWindow).toBe(0);
    await expect(limiter.acquire({ cost: 25 })).resolves.toMatchObject({ cost: 25 });
  });

  it('keeps a request in the window for a minute from its answer, not from its grant', async () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ requestsPerMinute: 2, clock });
    const slow = await limiter.acquire();
    (await limiter.acquire()).settle(answer(1));
    // The slow request was answered 30 s after it was granted: the server may have counted it that late.
    await clock.advance(30_000);
    slow.settle(answer(1));
    let granted = false;
    void limiter.acquire().then(() => {
      granted = true;
    });
    await clock.advance(31_000);
    // 61 s after the grants: the quick request has left the window, and the third goes.
    expect(granted).toBe(true);
    expect(limiter.snapshot().usedInWindow).toBe(2);
    granted = false;
    void limiter.acquire().then(() => {
      granted = true;
    });
    await clock.advance(28_000);
    expect(granted).toBe(false);
    await clock.advance(2_000);
    expect(granted).toBe(true);
  });

  it('estimates the credits of ticket includes before sending', () => {
    const url = (path: string) => new URL(`https://acme.freshdesk.com/api/v2${path}`);
    expect(estimateCredits('GET', url('/tickets?include=stats,requester,description'))).toBe(7);
    expect(estimateCredits('GET', url('/tickets/42?include=conversations'))).toBe(3);
    expect(estimateCredits('GET', url('/tickets?include=stats,stats'))).toBe(3);
    expect(estimateCredits('GET', url('/tickets'))).toBe(1);
    expect(estimateCredits('GET', url('/contacts?include=company'))).toBe(1);
    expect(estimateCredits('PUT', url('/tickets/42?include=stats'))).toBe(1);
  });

  it('8 parallel ticket listings with includes stay under a credit budget', async () => {
    const fake = rateLimitedContacts({
      budget: 30,
      windowMs: WINDOW_MS,
      pages: 4,
      path: '/tickets',
      origin: () => server?.origin ?? '',
    });
    server = await startServer(fake.handler);
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      requestsPerMinute: 30,
      clock: createScaledClock(SCALE),
    });
    // Each page costs 1 + 2 × 2 = 5 credits: counting requests, the client would send 30 a window, 6 times too many.
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, caller) => {
        const ids: number[] = [];
        for await (const page of fd.paginatePages('/tickets', {
          params: { query: { company_id: caller + 1, include: ['stats', 'description'] } },
          perPage: 3,
        })) {
          ids.push(...page.items.map((t) => t.id));
        }
        return ids;
      }),
    );
    for (const ids of results) expect(ids).toHaveLength(12);
    expect(fake.stats.ok).toBe(32);
    // Only a request delayed past a window boundary on a loaded machine may meet a 429.
    expect(fake.stats.limited).toBeLessThanOrEqual(2);
  });

  it('spaces requests out when X-RateLimit-Remaining runs low', async () => {
    const clock = createScaledClock(SCALE);
    const waits: RateLimiterEvent[] = [];
    const limiter = new RateLimiter({ requestsPerMinute: 100, clock, onEvent: (e) => waits.push(e) });
    limiter.observe({
      status: 200,
      headers: new Headers({ 'X-RateLimit-Total': '100', 'X-RateLimit-Remaining': '3' }),
    });
    (await limiter.acquire()).settle();
    (await limiter.acquire()).settle();
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
    await expect(other).resolves.toMatchObject({ cost: 1 });
    expect(limiter.snapshot().usedInWindow).toBeGreaterThanOrEqual(1);
  });
});
