// Child process: pages of 100 tickets per second from a running simulator, raw and through the client.
import { Agent, request } from 'node:http';
import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { serveMeasurement } from '../harness/child.js';

export interface PagesInput {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Distinct pages to cycle through (the ticket list's cap is 300). */
  readonly pages: number;
  /** Length of each timed phase. */
  readonly durationMs: number;
  readonly connections: number;
}

export interface Rate {
  readonly pages: number;
  readonly ms: number;
  readonly bytes?: number;
}

export interface PagesResult {
  /** Raw keep-alive requests, bodies read but not parsed: what the simulator serves. First pass (cold). */
  readonly rawCold: Rate;
  /** The same, repeated reads (warm caches). */
  readonly rawWarm: Rate;
  /** `client.paginatePages` following Link headers one page after the other. */
  readonly clientSequential: Rate;
  /** `client.GET` of pages by number over `connections` concurrent callers. */
  readonly clientConcurrent: Rate;
}

const SINCE = '2000-01-01T00:00:00Z';

function rawPage(agent: Agent, input: PagesInput, auth: string, page: number): Promise<number> {
  const url = `${input.baseUrl}/tickets?updated_since=${SINCE}&order_by=updated_at&order_type=asc&per_page=100&page=${page}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: auth } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `fetchPage` from `connections` callers until `until()` says stop; counts pages. */
async function drive(
  connections: number,
  fetchPage: (n: number) => Promise<number>,
  until: (pages: number, started: number) => boolean,
): Promise<Rate> {
  let pages = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!until(next, started)) {
        const n = next++;
        // Not `bytes += await …`: that reads `bytes` before the await and loses the other callers' counts.
        const size = await fetchPage(n);
        bytes += size;
        pages++;
      }
    }),
  );
  return { pages, bytes, ms: performance.now() - started };
}

async function measure(input: PagesInput): Promise<PagesResult> {
  const auth = `Basic ${Buffer.from(`${input.apiKey}:X`).toString('base64')}`;
  const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
  const raw = (n: number) => rawPage(agent, input, auth, (n % input.pages) + 1);
  const rawCold = await drive(input.connections, raw, (issued) => issued >= input.pages);
  const rawWarm = await drive(input.connections, raw, (_, t) => performance.now() - t >= input.durationMs);
  agent.destroy();

  const client = createFreshdeskClient({
    baseUrl: input.baseUrl,
    apiKey: input.apiKey,
    requestsPerMinute: 1_000_000_000,
  });
  const query = { updated_since: SINCE, order_by: 'updated_at', order_type: 'asc' } as const;
  let sequentialPages = 0;
  const sequentialStarted = performance.now();
  for await (const page of client.paginatePages('/tickets', { perPage: 100, params: { query } })) {
    if (page.items.length === 0) break;
    sequentialPages++;
    // The ticket list refuses pages past 300: stop there, as a sync would switch to the next window.
    if (sequentialPages >= input.pages || performance.now() - sequentialStarted >= input.durationMs) break;
  }
  const clientSequential = { pages: sequentialPages, ms: performance.now() - sequentialStarted };

  const clientConcurrent = await drive(
    input.connections,
    async (n) => {
      const { data, error } = await client.GET('/tickets', {
        params: { query: { ...query, per_page: 100, page: (n % input.pages) + 1 } },
      });
      if (error || !data) throw new Error(`GET /tickets page ${(n % input.pages) + 1} failed`);
      return 0;
    },
    (_, t) => performance.now() - t >= input.durationMs,
  );
  return { rawCold, rawWarm, clientSequential, clientConcurrent };
}

serveMeasurement(measure);
