import { createScaledClock } from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { limitsFor, PLAN_LIMITS, RateLimiter } from '../src/rate-limit.js';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

describe('rate limits as Freshdesk applies them', async () => {
  const growth = await startRecordedSimulator({ tickets: 50, seed: 'rl', rateLimit: true, plan: 'growth' });

  it('reports X-RateLimit headers on every response, includes costing 2 credits each', async () => {
    const first = await rawGet(growth, '/groups');
    expect(first.headers.get('x-ratelimit-total')).toBe('200');
    expect(first.headers.get('x-ratelimit-used-currentrequest')).toBe('1');
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const embedded = await rawGet(growth, '/tickets?include=requester,stats');
    expect(embedded.headers.get('x-ratelimit-used-currentrequest')).toBe('5');
    expect(Number(embedded.headers.get('x-ratelimit-remaining'))).toBe(remaining - 5);
    const notFound = await rawGet(growth, '/tickets/123456789');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe(String(remaining - 6));
    const unauthorized = await rawGet(growth, '/groups', 'bad-key');
    expect(unauthorized.headers.get('x-ratelimit-total')).toBe('200');
  });

  it('enforces the separate, lower ticket list limit with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < PLAN_LIMITS.growth.ticketList + 2; i++) {
      const response = await rawGet(growth, '/tickets');
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    // One list request of the previous test already counted against the ticket list limit.
    expect(statuses.filter((s) => s === 200).length).toBe(PLAN_LIMITS.growth.ticketList - 1);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({ code: 'too_many_requests' });
    expect((await rawGet(growth, '/groups')).status).toBe(200);
  });

  it('enforces the separate contact list limit, independent of the ticket list one', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < PLAN_LIMITS.growth.contactList + 2; i++) {
      const response = await rawGet(growth, '/contacts');
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    // The ticket list was exhausted by the previous test; the contact list still had its whole allowance.
    expect(statuses.filter((s) => s === 200).length).toBe(PLAN_LIMITS.growth.contactList);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({ code: 'too_many_requests' });
    // Other contact endpoints and the rest of the account budget are not held back.
    const contactId = growth.control.snapshot('contacts')[0]?.id as number;
    expect((await rawGet(growth, `/contacts/${contactId}`)).status).toBe(200);
    expect((await rawGet(growth, '/groups')).status).toBe(200);
    expect((await rawGet(growth, '/tickets')).status).toBe(429);
  });
});

describe('per-minute budget and time scale', async () => {
  const tight = await startRecordedSimulator({
    tickets: 50,
    seed: 'rl2',
    rateLimit: true,
    requestsPerMinute: 5,
  });
  const fast = await startRecordedSimulator({
    tickets: 50,
    contacts: 60,
    seed: 'rl3',
    requestsPerMinute: 4,
    timeScale: 600,
    rateLimit: true,
  });
  const off = await startRecordedSimulator({ tickets: 50, seed: 'rl4', rateLimit: false, plan: 'trial' });

  it('answers 429 past the account budget', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await rawGet(tight, '/roles')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await rawGet(tight, '/roles');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('lets a client on the same scaled clock wait out 429s and read everything', async () => {
    const client = clientFor(fast, {
      requestsPerMinute: undefined,
      plan: 'trial',
      clock: createScaledClock(600),
      retry: {},
    });
    const ids = [];
    for await (const contact of client.paginate('/contacts', { perPage: 5 })) ids.push(contact.id);
    expect(ids).toEqual(
      fast.control
        .snapshot('contacts')
        .filter((c) => !c.deleted && !c.blocked)
        .map((c) => c.id),
    );
  });

  it('can be turned off', async () => {
    for (let i = 0; i < 60; i++) expect((await rawGet(off, '/roles')).status).toBe(200);
    const response = await rawGet(off, '/roles');
    expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
  });
});

describe('RateLimiter', () => {
  it('resets the budget every (scaled) minute and reports the wait', () => {
    let now = 0;
    const limiter = new RateLimiter(limitsFor('trial', 3), 60, () => now);
    expect([1, 2, 3, 4].map(() => limiter.consume(1).allowed)).toEqual([true, true, true, false]);
    now = 400;
    const refused = limiter.consume(1);
    expect(refused.retryAfter).toBe(36); // 600 ms of a 1 s window left, in simulated seconds
    now = 1000;
    expect(limiter.consume(1)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('scales sub-limits with a custom budget', () => {
    expect(limitsFor('growth', 400)).toMatchObject({ total: 400, ticketList: 40, contactList: 40 });
    expect(() => new RateLimiter(PLAN_LIMITS.pro, 0)).toThrow(/timeScale/);
  });
});
