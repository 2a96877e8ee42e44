/**
 * Cost of new list windows on a large account, run by pages.bench.ts:
 * - `updated_since` windows ordered by updated_at, as a listing past the 300-page cap opens them (the client
 *   starts a new window every page by default); each should cost a binary search, not a scan of every ticket.
 * - the default list (last 30 days) while the simulated clock moves a second per request; its cached view
 *   should survive the moving boundary instead of being rebuilt every second.
 */
import { startSimulator } from '../src/index.js';

const TICKETS = 1_000_000;
const WINDOWS = 200;
const TICKS = 120;

export interface WindowsResult {
  windowsPerSecond: number;
  defaultListPerSecond: number;
}

export async function benchWindows(): Promise<WindowsResult> {
  const sim = await startSimulator({
    tickets: TICKETS,
    rateLimit: false,
    seed: 'bench-windows',
    now: '2025-06-01T00:00:00Z',
  });
  const headers = { Authorization: `Basic ${Buffer.from(`${sim.apiKey}:X`).toString('base64')}` };
  const get = async (path: string) => {
    const response = await fetch(`${sim.baseUrl}${path}`, { headers });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  try {
    const list = '/tickets?order_by=updated_at&order_type=asc&per_page=100&updated_since=';
    // The first window builds the updated_at order once; it is not what is measured.
    await get(`${list}2000-01-01T00:00:00Z`);
    const from = Date.parse('2022-06-01T00:00:00Z');
    const to = Date.parse('2025-06-01T00:00:00Z');
    let started = performance.now();
    for (let w = 0; w < WINDOWS; w++) {
      const since = new Date(from + ((to - from) * w) / WINDOWS).toISOString().replace(/\.\d{3}Z$/, 'Z');
      await get(`${list}${since}`);
    }
    const windowsPerSecond = (WINDOWS / (performance.now() - started)) * 1000;

    await get('/tickets?per_page=100');
    started = performance.now();
    for (let t = 0; t < TICKS; t++) {
      sim.control.advanceClock(1000);
      await get('/tickets?per_page=100');
    }
    const defaultListPerSecond = (TICKS / (performance.now() - started)) * 1000;
    return { windowsPerSecond, defaultListPerSecond };
  } finally {
    await sim.stop();
  }
}
