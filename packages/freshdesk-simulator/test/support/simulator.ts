import { createFreshdeskClient, type FreshdeskClientOptions } from '@sluice/freshdesk-client';
import { afterAll, expect } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/index.js';
import { ResponseRecorder } from './conformance.js';

/** A fixed instant keeps generated data identical across runs. */
export const FIXED_NOW = '2025-06-01T12:00:00Z';

/**
 * Moves the simulated clock on to the start of its next second and returns that second (`YYYY-MM-DDTHH:MM:SSZ`).
 * The clock runs with real time: a test that compares a change's timestamp with "now" aligns first, so that
 * the change (well under a second of work) falls in the same second even on a loaded machine.
 */
export function alignToSecond(sim: Simulator): string {
  const ms = sim.control.now().getTime();
  return `${sim.control
    .advanceClock(1000 - (ms % 1000))
    .toISOString()
    .slice(0, 19)}Z`;
}

/**
 * Starts a simulator whose every response is recorded and, when the test file ends, validated against the
 * client's OpenAPI spec.
 */
export async function startRecordedSimulator(
  options: SimulatorOptions = {},
): Promise<Simulator & { recorder: ResponseRecorder }> {
  const recorder = new ResponseRecorder();
  const sim = await startSimulator({
    seed: 'test',
    now: FIXED_NOW,
    rateLimit: false,
    tickets: 200,
    ...options,
    onResponse: recorder.onResponse,
  });
  afterAll(async () => {
    await sim.stop();
    expect(recorder.problems()).toEqual([]);
  });
  return Object.assign(sim, { recorder });
}

export function clientFor(sim: Simulator, options: Partial<FreshdeskClientOptions> = {}) {
  return createFreshdeskClient({
    apiKey: sim.apiKey,
    baseUrl: sim.baseUrl,
    requestsPerMinute: 100_000,
    retry: false,
    ...options,
  });
}

export function basicAuth(apiKey: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${apiKey}:X`).toString('base64')}` };
}

/** Plain fetch against the simulator, for what the client hides (raw headers, broken bodies). */
export async function rawGet(sim: Simulator, path: string, apiKey = sim.apiKey): Promise<Response> {
  return fetch(`${sim.baseUrl}${path}`, { headers: basicAuth(apiKey) });
}

/** A call to the simulator's HTTP control API: POST with a JSON body, GET without one. */
export async function controlRequest(
  sim: { url: string },
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/_control${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
