/**
 * Pages of 100 tickets per second served by the simulator with rate limits off, then the cost of new list
 * windows on a million tickets (windows.ts).
 * Run: npm run bench -w @sluice/freshdesk-simulator
 *
 * The simulator runs on the main thread; load comes from a worker thread over keep-alive connections, so the
 * client's HTTP parsing does not compete with the server for the event loop. Bodies are read but not parsed:
 * the number measures the server.
 */
import { Worker } from 'node:worker_threads';
import { startSimulator } from '../src/index.js';
import { benchWindows } from './windows.js';

const TICKETS = 100_000;
const DURATION_MS = 5_000;
const WARMUP_MS = 1_500;

interface LoadResult {
  cold: { pages: number; ms: number };
  warm: { pages: number; bytes: number; ms: number; connections: number };
}

const sim = await startSimulator({
  tickets: TICKETS,
  rateLimit: false,
  seed: 'bench',
  now: '2025-06-01T00:00:00Z',
});
const config = {
  baseUrl: sim.baseUrl,
  authorization: `Basic ${Buffer.from(`${sim.apiKey}:X`).toString('base64')}`,
  pages: Math.min(300, Math.ceil(TICKETS / 100)),
  warmupMs: WARMUP_MS,
  durationMs: DURATION_MS,
};
const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: config });
const result = await new Promise<LoadResult>((resolve, reject) => {
  worker.once('message', resolve);
  worker.once('error', reject);
});
await worker.terminate();
await sim.stop();
const { cold, warm } = result;
const perSecond = (warm.pages / warm.ms) * 1000;
const mbPerSecond = ((warm.bytes / warm.ms) * 1000) / 1e6;
console.log(
  `freshdesk-simulator: ${perSecond.toFixed(0)} pages/s of 100 tickets (${mbPerSecond.toFixed(0)} MB/s, ` +
    `${warm.connections} keep-alive connections, ${TICKETS} tickets, rate limits off; goal >= 2000 pages/s)`,
);
console.log(
  `freshdesk-simulator: first read of ${cold.pages} pages (records generated and encoded): ` +
    `${((cold.pages / cold.ms) * 1000).toFixed(0)} pages/s`,
);

const windows = await benchWindows();
console.log(
  `freshdesk-simulator: ${windows.windowsPerSecond.toFixed(0)} new updated_since windows/s ` +
    `(first page of each, 1,000,000 tickets)`,
);
console.log(
  `freshdesk-simulator: ${windows.defaultListPerSecond.toFixed(0)} default-list pages/s while the clock ` +
    `moves a second per request (1,000,000 tickets)`,
);
