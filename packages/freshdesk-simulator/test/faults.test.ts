import { FreshdeskTimeoutError } from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../src/index.js';
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
  });
});
