import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.js';
import { clientFor } from './support/simulator.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

/** Starts the CLI and resolves with what it printed once it reports the API key. */
function startCli(args: string[]): Promise<{ url: string; baseUrl: string; apiKey: string; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (\S+)/.exec(output)?.[1];
      const baseUrl = /API base URL: (\S+)/.exec(output)?.[1];
      const apiKey = /API key:\s+(\S+)/.exec(output)?.[1];
      if (url && baseUrl && apiKey) resolve({ url, baseUrl, apiKey, output });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
}

describe('freshdesk-simulator CLI', () => {
  it('starts with the given options and prints its URL and API key', async () => {
    const started = await startCli([
      '--port',
      '0',
      '--tickets',
      '40',
      '--api-key',
      'cli-key',
      '--seed',
      'cli',
      '--plan',
      'growth',
      '--requests-per-minute',
      '120',
      '--time-scale',
      '60',
      '--faults',
      '503:0',
    ]);
    expect(started.apiKey).toBe('cli-key');
    expect(started.baseUrl).toBe(`${started.url}/api/v2`);
    const client = clientFor({ ...started, domain: 'x', control: undefined as never, stop: async () => {} });
    const { data, response } = await client.GET('/tickets', {
      params: { query: { updated_since: '2000-01-01T00:00:00Z', per_page: 100 } },
    });
    expect(response.headers.get('x-ratelimit-total')).toBe('120');
    const snapshot = (await (await fetch(`${started.url}/_control/snapshot/tickets`)).json()) as {
      id: number;
      deleted?: boolean;
      spam: boolean;
    }[];
    const live = snapshot.filter((t) => !t.deleted && !t.spam).map((t) => t.id);
    expect(data?.map((t) => t.id).sort((a, b) => a - b)).toEqual(live);
    const info = (await (await fetch(`${started.url}/_control/info`)).json()) as { tickets: number };
    expect(info.tickets).toBe(40);
  });

  it('fails the API requests given by --fault-schedule', async () => {
    const started = await startCli(['--port', '0', '--tickets', '10', '--fault-schedule', '2:503,3:reset']);
    const sim = { ...started, domain: 'x', control: undefined as never, stop: async () => {} };
    const once = clientFor(sim);
    expect((await once.GET('/groups', {})).response.status).toBe(200);
    expect((await once.GET('/groups', {})).response.status).toBe(503);
    // Request 3 breaks off mid-body; the client's retry (request 4) gets the whole answer.
    const retrying = clientFor(sim, { retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const { data, response } = await retrying.GET('/groups', {});
    expect(response.status).toBe(200);
    expect(data?.length).toBeGreaterThan(0);
  });

  it('generates an API key when none is given', async () => {
    const started = await startCli(['--port', '0', '--tickets', '10']);
    expect(started.apiKey).toMatch(/^[\w-]{16,}$/);
  });

  it('parses every option and rejects bad values with a clear message', () => {
    expect(
      parseCliOptions([
        '--port',
        '9000',
        '--host',
        '0.0.0.0',
        '--api-key',
        'k',
        '--seed',
        's',
        '--tickets',
        '5',
        '--contacts',
        '6',
        '--companies',
        '2',
        '--agents',
        '3',
        '--groups',
        '2',
        '--plan',
        'pro',
        '--requests-per-minute',
        '50',
        '--time-scale',
        '60',
        '--faults',
        'reset:0.5',
        '--fault-schedule',
        '10:429,25:truncate',
        '--slow-ms',
        '10',
        '--now',
        '2025-01-01T00:00:00Z',
      ]),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      apiKey: 'k',
      seed: 's',
      tickets: 5,
      contacts: 6,
      companies: 2,
      agents: 3,
      groups: 2,
      plan: 'pro',
      requestsPerMinute: 50,
      timeScale: 60,
      faults: {
        probabilities: { reset: 0.5 },
        schedule: [
          { request: 10, fault: '429' },
          { request: 25, fault: 'truncate' },
        ],
        slowMs: 10,
      },
      now: '2025-01-01T00:00:00Z',
    });
    expect(parseCliOptions(['--no-rate-limit'])).toMatchObject({ port: 8787, rateLimit: false });
    expect(parseCliOptions(['--help'])).toBe('help');
    expect(() => parseCliOptions(['--tickets', 'many'])).toThrow(/--tickets must be a non-negative integer/);
    expect(() => parseCliOptions(['--plan', 'gold'])).toThrow(/--plan must be one of/);
    expect(() => parseCliOptions(['--time-scale', '0'])).toThrow(/--time-scale/);
    expect(() => parseCliOptions(['--fault-schedule', '10-429'])).toThrow(/request:kind/);
    expect(parseCliOptions(['--fault-schedule', '1:503'])).toMatchObject({
      faults: { schedule: [{ request: 1, fault: '503' }] },
    });
    expect(() => parseCliOptions(['--unknown'])).toThrow();
  });
});
