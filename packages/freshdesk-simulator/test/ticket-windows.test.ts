import { formatUpdatedSince } from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { RECENT_WINDOW_SECONDS, recentWindow } from '../src/store/recent-window.js';
import { lowerBound } from '../src/store/sorted-search.js';
import { clientFor, startRecordedSimulator } from './support/simulator.js';

const DAY_MS = 86_400_000;
const sim = await startRecordedSimulator({ tickets: 400, seed: 'windows' });
const client = clientFor(sim);
type Ticket = { id: number; created_at: string; updated_at: string; deleted?: boolean; spam: boolean };

function liveTickets(): Ticket[] {
  return (sim.control.snapshot('tickets') as Ticket[]).filter((t) => !t.deleted && !t.spam);
}

/** Every ticket of an updated_since listing ordered by updated_at, through the client's paginator. */
async function updatedSince(since: string, orderType: 'asc' | 'desc', perPage = 7): Promise<number[]> {
  const ids: number[] = [];
  const query = { updated_since: since, order_by: 'updated_at', order_type: orderType } as const;
  for await (const t of client.paginate('/tickets', { perPage, params: { query } })) ids.push(t.id);
  return ids;
}

/** What an updated_since listing must return: updated_at >= since (inclusive), by (updated_at, id). */
function expectedSince(since: string): number[] {
  return liveTickets()
    .filter((t) => t.updated_at >= since)
    .sort((a, b) => a.updated_at.localeCompare(b.updated_at) || a.id - b.id)
    .map((t) => t.id);
}

describe('updated_since windows of GET /tickets', () => {
  // Mutated together, these tickets share one updated_at second.
  sim.control.advanceClock(DAY_MS);
  const tied = sim.control.mutate({ resource: 'tickets', count: 9 });
  const tiedAt = liveTickets().find((t) => t.id === tied[0])?.updated_at as string;

  it('includes tickets updated exactly at updated_since, in both orders', async () => {
    expect(liveTickets().filter((t) => t.updated_at === tiedAt)).toHaveLength(9);
    const asc = await updatedSince(tiedAt, 'asc', 4);
    expect(asc).toEqual([...tied].sort((a, b) => a - b));
    expect(await updatedSince(tiedAt, 'desc', 4)).toEqual([...asc].reverse());
    const oneSecondLater = formatUpdatedSince(new Date(Date.parse(tiedAt) + 1000));
    expect(await updatedSince(oneSecondLater, 'asc')).toEqual([]);
  });

  it('starts a window at any generated timestamp, between timestamps and before all of them', async () => {
    const times = [...new Set(liveTickets().map((t) => t.updated_at))].sort();
    // A second in which no ticket was updated, halfway through the list.
    const gap = times.findIndex((t, i) => i >= 100 && Date.parse(times[i + 1] ?? t) - Date.parse(t) > 1000);
    const between = formatUpdatedSince(new Date(Date.parse(times[gap] as string) + 1000));
    expect(between > (times[gap] as string) && between < (times[gap + 1] as string)).toBe(true);
    for (const since of [times[0], times[100], between, times[times.length - 2], '2000-01-01T00:00:00Z']) {
      const expected = expectedSince(since as string);
      expect(await updatedSince(since as string, 'asc'), since).toEqual(expected);
      expect(await updatedSince(since as string, 'desc'), since).toEqual([...expected].reverse());
    }
  });

  it('lets the client re-window through a second shared by more tickets than a page holds', async () => {
    const ids: number[] = [];
    let windows = 0;
    for await (const t of client.listTicketsByUpdatedAt({ perPage: 2, onWindow: () => windows++ }))
      ids.push(t.id);
    expect(windows).toBeGreaterThan(100);
    expect(ids).toEqual(expectedSince('2000-01-01T00:00:00Z'));
  });

  it('sees a change made between windows in the next one', async () => {
    const mark = formatUpdatedSince(sim.control.advanceClock(DAY_MS));
    expect(await updatedSince(mark, 'asc')).toEqual([]);
    const changed = sim.control.mutate({ resource: 'tickets', count: 3 });
    expect(await updatedSince(mark, 'asc')).toEqual([...changed].sort((a, b) => a - b));
  });
});

type Created = { id: number; created_at: string };
const secondsNow = () => Math.floor(sim.control.now().getTime() / 1000);
const createdOf = (r: Created) => Date.parse(r.created_at) / 1000;

/**
 * Lists `path` without a time filter (Freshdesk's 30-day default), moves the window's start to one second after
 * a record's creation and lists again: the record must be gone, though the cached view, keyed by the minute,
 * still holds it; every record is in or out by its own second, and the cached answer is the same. Returns the
 * record and the window's start before the second listing, for further checks.
 */
async function expectExactRecentCut(
  path: '/tickets' | '/surveys/satisfaction_ratings',
  records: () => Created[],
): Promise<{ edge: Created; before: number }> {
  const start = secondsNow() - RECENT_WINDOW_SECONDS;
  // A record well inside the window, early in its minute, so that a window starting one second after it
  // still starts in the same minute: the cached view holds it and must hide it.
  const edge = records().find((r) => createdOf(r) > start + 600 && createdOf(r) % 60 <= 30) as Created;
  expect(edge).toBeDefined();
  const listed = async () => {
    const ids = new Set<number>();
    for await (const r of client.paginate(path, { perPage: 100 })) ids.add(r.id);
    return ids;
  };
  expect((await listed()).has(edge.id)).toBe(true);

  // Move the window's start to one second after the record's creation.
  const target = (createdOf(edge) + 1 + RECENT_WINDOW_SECONDS) * 1000 + 100;
  sim.control.advanceClock(target - sim.control.now().getTime());
  const before = secondsNow() - RECENT_WINDOW_SECONDS;
  const ids = await listed();
  const after = secondsNow() - RECENT_WINDOW_SECONDS;
  expect(ids.has(edge.id)).toBe(false);
  for (const r of records()) {
    if (createdOf(r) < before) expect(ids.has(r.id), `${r.id} created ${r.created_at}`).toBe(false);
    if (createdOf(r) >= after) expect(ids.has(r.id), `${r.id} created ${r.created_at}`).toBe(true);
  }
  // Asked again (now from the cached, trimmed view), the answer is the same.
  expect(await listed()).toEqual(ids);
  return { edge, before };
}

describe('the default 30-day window of GET /tickets', () => {
  it('stays exact to the second although its view is cached per minute', async () => {
    const { edge, before } = await expectExactRecentCut('/tickets', liveTickets);
    expect(recentWindow(before + RECENT_WINDOW_SECONDS).bucket).toBeLessThanOrEqual(createdOf(edge));
  });

  it('is exact for satisfaction ratings without created_since too', async () => {
    await expectExactRecentCut(
      '/surveys/satisfaction_ratings',
      () => sim.control.snapshot('satisfaction_ratings') as Created[],
    );
  });

  it('keys the cached view on the minute the window starts in', () => {
    const minuteStart = 1_750_000_020; // a multiple of 60
    const buckets = new Set(
      Array.from({ length: 60 }, (_, s) => recentWindow(minuteStart + RECENT_WINDOW_SECONDS + s).bucket),
    );
    expect([...buckets]).toEqual([minuteStart]);
    expect(recentWindow(minuteStart + RECENT_WINDOW_SECONDS + 60).bucket).toBe(minuteStart + 60);
    expect(recentWindow(minuteStart + RECENT_WINDOW_SECONDS + 7).since).toBe(minuteStart + 7);
  });
});

describe('lowerBound', () => {
  it('finds the first position at or after a value, equal values included', () => {
    const values = [1, 3, 3, 3, 5, 8];
    const at = (p: number) => values[p] as number;
    expect([0, 1, 3, 4, 5, 8, 9].map((v) => lowerBound(values.length, at, v))).toEqual([0, 0, 1, 4, 4, 5, 6]);
    expect(lowerBound(0, at, 1)).toBe(0);
  });
});
