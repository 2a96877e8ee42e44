import {
  createScaledClock,
  FreshdeskRateLimitError,
  FreshdeskResponseBodyError,
  FreshdeskTimeoutError,
} from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { parseFaultSchedule, parseFaultSpec } from '../src/index.js';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({
  tickets: 30,
  seed: 'faults',
  faults: { slowMs: 3000, stormLength: 3 },
});
const dice = { probabilities: { '503': 0.3, '502': 0.1 } } as const;
const diceA = await startRecordedSimulator({ tickets: 10, seed: 'dice', faults: dice });
const diceB = await startRecordedSimulator({ tickets: 10, seed: 'dice', faults: dice });
const diceC = await startRecordedSimulator({ tickets: 10, seed: 'other dice', faults: dice });
const scheduled = await startRecordedSimulator({
  tickets: 10,
  seed: 'schedule',
  faults: {
    schedule: [
      { request: 2, fault: '504' },
      { request: 4, fault: '502' },
    ],
    paths: ['/roles'],
  },
});

describe('fault injection', () => {
  it('injects 5xx answers, which the client retries', async () => {
    sim.control.injectFault('503');
    const failed = await rawGet(sim, '/groups');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ code: 'service_unavailable' });
    sim.control.injectFault('500', 2);
    const client = clientFor(sim, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const { data, response } = await client.GET('/groups', {});
    expect(response.status).toBe(200);
    expect(data?.length).toBeGreaterThan(0);
  });

  it('resets the connection in the middle of the body', async () => {
    sim.control.injectFault('reset');
    await expect(rawGet(sim, '/agents').then((r) => r.text())).rejects.toThrow();
  });

  it('truncates JSON or sends a malformed body with a complete HTTP response', async () => {
    sim.control.injectFault('truncate');
    const truncated = await rawGet(sim, '/agents');
    expect(truncated.status).toBe(200);
    const text = await truncated.text();
    expect(text.startsWith('[{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
    sim.control.injectFault('malformed');
    const malformed = await (await rawGet(sim, '/agents')).text();
    expect(() => JSON.parse(malformed)).toThrow();
  });

  it('answers slowly, so client timeouts fire', async () => {
    sim.control.injectFault('slow');
    const client = clientFor(sim, { timeoutMs: 100 });
    const error = await client.GET('/roles', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskTimeoutError);
  });

  it('produces 429 storms with Retry-After', async () => {
    sim.control.injectFault('429');
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await rawGet(sim, '/roles');
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(statuses).toEqual([429, 429, 429, 200]);
  });

  it('draws faults by probability, deterministically for a seed', async () => {
    const run = async (s: typeof sim) => {
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await rawGet(s, '/roles')).status);
      return statuses;
    };
    const a = await run(diceA);
    expect(await run(diceB)).toEqual(a);
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await run(diceC)).not.toEqual(a);
  });

  it('fails scheduled requests and only on chosen paths', async () => {
    const statuses = [];
    for (const path of ['/roles', '/roles', '/groups', '/groups', '/roles'])
      statuses.push((await rawGet(scheduled, path)).status);
    expect(statuses).toEqual([200, 504, 200, 200, 200]);
  });

  it('parses the CLI fault syntax and rejects nonsense', () => {
    expect(parseFaultSpec('503:0.05, reset:0.01')).toEqual({ '503': 0.05, reset: 0.01 });
    expect(() => parseFaultSpec('boom:0.1')).toThrow(/kind one of/);
    expect(() => parseFaultSpec('503:2')).toThrow(/between 0 and 1/);
    expect(parseFaultSchedule('10:429, 25:reset')).toEqual([
      { request: 10, fault: '429' },
      { request: 25, fault: 'reset' },
    ]);
    for (const bad of ['0:503', 'x:503', '3:boom', '3', '3:503:1', '1.5:503'])
      expect(() => parseFaultSchedule(bad), bad).toThrow(/request:kind/);
  });
});

describe('faults through the real client', () => {
  // Quick backoff, and a clock 60 times faster so that a storm's Retry-After of 1 s is waited in ~17 ms.
  const retrying = (events: string[] = []) =>
    clientFor(sim, {
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      clock: createScaledClock(60),
      onEvent: (event) => {
        if (event.type === 'retry') events.push(event.reason);
      },
    });
  const agents = sim.control.snapshot('agents');

  for (const kind of ['reset', 'truncate', 'malformed'] as const) {
    it(`retries a ${kind} body and returns the data of the next attempt`, async () => {
      sim.control.injectFault(kind, 2);
      const events: string[] = [];
      const client = clientFor(sim, {
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        onEvent: (event) => {
          if (event.type === 'retry') events.push(event.reason);
        },
      });
      const { data, response } = await client.GET('/agents', {});
      expect(response.status).toBe(200);
      expect(data).toEqual(agents);
      expect(events).toEqual(kind === 'reset' ? ['network', 'network'] : ['invalid-body', 'invalid-body']);
    });
  }

  it('throws FreshdeskResponseBodyError once every attempt got a broken body', async () => {
    sim.control.injectFault('truncate', 3);
    const client = clientFor(sim, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    const truncated = await client.GET('/agents', {}).catch((e: unknown) => e);
    expect(truncated).toBeInstanceOf(FreshdeskResponseBodyError);
    expect(truncated).toMatchObject({
      status: 200,
      attempts: 3,
      problem: 'invalid-json',
      path: '/api/v2/agents',
    });

    sim.control.injectFault('reset', 2);
    const once = clientFor(sim, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const interrupted = await once.GET('/agents', {}).catch((e: unknown) => e);
    expect(interrupted).toBeInstanceOf(FreshdeskResponseBodyError);
    expect(interrupted).toMatchObject({ attempts: 2, problem: 'interrupted' });
    expect(String((interrupted as Error).message)).not.toContain(sim.apiKey);
    // The faults are used up: the next request is whole again.
    expect((await once.GET('/agents', {})).data).toEqual(agents);
  });

  it('lists every page although pages break mid-listing', async () => {
    const expected = sim.control.snapshot('tickets').filter((t) => !t.deleted && !t.spam);
    const ids: number[] = [];
    const retries: string[] = [];
    const client = retrying(retries);
    const faults = ['reset', 'truncate', 'malformed', '503'] as const;
    const query = {
      updated_since: '2000-01-01T00:00:00Z',
      order_by: 'created_at',
      order_type: 'asc',
    } as const;
    for await (const ticket of client.paginate('/tickets', { perPage: 5, params: { query } })) {
      ids.push(ticket.id);
      // After each full page, the request for the next one meets a fault.
      const fault = faults[ids.length / 5 - 1];
      if (ids.length % 5 === 0 && fault) sim.control.injectFault(fault);
    }
    expect(ids).toEqual(expected.map((t) => t.id));
    expect(retries).toEqual(['network', 'invalid-body', 'invalid-body', 'server-error']);
  });

  it('waits out a 429 storm and succeeds, or gives up with FreshdeskRateLimitError', async () => {
    sim.control.injectFault('429');
    const retries: string[] = [];
    const { data, response } = await retrying(retries).GET('/roles', {});
    expect(response.status).toBe(200);
    expect(retries).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
    expect(data).toEqual(sim.control.snapshot('roles'));

    sim.control.injectFault('429');
    const impatient = clientFor(sim, {
      retry: { maxRateLimitRetries: 1 },
      clock: createScaledClock(60),
      throwOnError: true,
    });
    const error = await impatient.GET('/roles', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 1 });
    // The last 429 of the storm of three, then the storm is over.
    expect((await rawGet(sim, '/roles')).status).toBe(429);
    expect((await rawGet(sim, '/roles')).status).toBe(200);
  });
});
