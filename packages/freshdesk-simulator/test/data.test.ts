import { describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.js';
import { clientFor, FIXED_NOW, rawGet, startRecordedSimulator } from './support/simulator.js';

const YEAR_MS = 365 * 86_400_000;
const sim = await startRecordedSimulator({ tickets: 600, seed: 'data' });
const twin = await startRecordedSimulator({ tickets: 600, seed: 'data' });
const other = await startRecordedSimulator({ tickets: 600, seed: 'different' });
const client = clientFor(sim);
type Row = Record<string, unknown>;

describe('generated data', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    for (const resource of [
      'tickets',
      'contacts',
      'companies',
      'conversations',
      'time_entries',
      'satisfaction_ratings',
    ] as const) {
      expect(twin.control.snapshot(resource), resource).toEqual(sim.control.snapshot(resource));
    }
    expect(other.control.snapshot('tickets')).not.toEqual(sim.control.snapshot('tickets'));
  });

  it('spreads timestamps over years, with recent activity', () => {
    const tickets = sim.control.snapshot('tickets');
    const created = tickets.map((t) => Date.parse(t.created_at as string));
    const now = Date.parse(FIXED_NOW);
    expect(Math.min(...created)).toBeLessThan(now - 2 * YEAR_MS);
    expect(Math.max(...created)).toBeGreaterThan(now - 30 * 86_400_000);
    expect(tickets.every((t) => (t.updated_at as string) >= (t.created_at as string))).toBe(true);
    expect(tickets.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t.created_at as string))).toBe(
      true,
    );
  });

  it('gives tickets awkward custom fields: mixed case, unicode, spaces, 100+ characters, nested objects and arrays', () => {
    const tickets = sim.control.snapshot('tickets');
    const keys = Object.keys(tickets[0]?.custom_fields as Row);
    expect(keys).toEqual(
      expect.arrayContaining(['cf_CustomerTier', 'cf_résumé_ünïcode_字段', 'cf_field with spaces']),
    );
    expect(keys.some((k) => k.length > 100)).toBe(true);
    const values = tickets.map((t) => t.custom_fields as Row);
    const nested = values.find((v) => v.cf_shipping_address !== null)?.cf_shipping_address as Row;
    expect(nested.geo).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    expect(
      values.some((v) => Array.isArray(v.cf_linked_skus) && (v.cf_linked_skus as unknown[]).length > 0),
    ).toBe(true);
    expect(values.some((v) => v.cf_order_number === null)).toBe(true);
  });

  it('gives tickets several conversations, some with attachment metadata, time entries and ratings', () => {
    const conversations = sim.control.snapshot('conversations');
    const perTicket = new Map<unknown, number>();
    for (const c of conversations) perTicket.set(c.ticket_id, (perTicket.get(c.ticket_id) ?? 0) + 1);
    expect(Math.max(...perTicket.values())).toBeGreaterThanOrEqual(4);
    const attachment = conversations.flatMap((c) => c.attachments as Row[])[0];
    expect(attachment).toMatchObject({
      name: expect.any(String),
      content_type: expect.any(String),
      size: expect.any(Number),
    });
    expect(sim.control.snapshot('time_entries').length).toBeGreaterThan(50);
    expect(sim.control.snapshot('satisfaction_ratings').length).toBeGreaterThan(20);
  });

  it('has deleted, blocked and unverified contacts, listed by state', async () => {
    for (const state of ['deleted', 'blocked', 'unverified', 'verified'] as const) {
      const ids = [];
      for await (const c of client.paginate('/contacts', { params: { query: { state } } })) ids.push(c);
      expect(ids.length, state).toBeGreaterThan(0);
      if (state === 'deleted') expect(ids.every((c) => c.deleted === true)).toBe(true);
      if (state === 'unverified') expect(ids.every((c) => c.active === false)).toBe(true);
    }
  });

  it('references existing records from tickets', () => {
    const contacts = new Set(sim.control.snapshot('contacts').map((c) => c.id));
    const companies = new Set(sim.control.snapshot('companies').map((c) => c.id));
    const agents = new Set(sim.control.snapshot('agents').map((a) => a.id));
    const groups = new Set(sim.control.snapshot('groups').map((g) => g.id));
    for (const t of sim.control.snapshot('tickets')) {
      expect(contacts.has(t.requester_id)).toBe(true);
      if (t.company_id !== null) expect(companies.has(t.company_id)).toBe(true);
      if (t.responder_id !== null) expect(agents.has(t.responder_id)).toBe(true);
      if (t.group_id !== null) expect(groups.has(t.group_id)).toBe(true);
    }
  });
});

/** Per key, the largest number of records sharing one value of it. */
function largestPiles(records: Iterable<Row>, keys: string[]): Record<string, number> {
  const counts = keys.map(() => new Map<unknown, number>());
  const largest = keys.map(() => 0);
  for (const record of records) {
    keys.forEach((key, k) => {
      const seen = counts[k] as Map<unknown, number>;
      const n = (seen.get(record[key]) ?? 0) + 1;
      seen.set(record[key], n);
      if (n > (largest[k] ?? 0)) largest[k] = n;
    });
  }
  return Object.fromEntries(keys.map((key, k) => [key, largest[k] ?? 0]));
}

describe('scale', () => {
  it('spreads timestamps so that no second holds more than a handful of records', async () => {
    // Freshdesk cannot page past 300 pages of one updated_since value; piles of equal timestamps also make
    // every incremental run re-read them. Only a few records may share a second, even at 100k tickets.
    const wide = await startSimulator({ tickets: 100_000, seed: 'spread', now: FIXED_NOW, rateLimit: false });
    try {
      const stamps = ['created_at', 'updated_at'];
      const piles = {
        tickets: largestPiles(wide.control.records('tickets'), stamps),
        contacts: largestPiles(wide.control.records('contacts'), stamps),
        companies: largestPiles(wide.control.records('companies'), stamps),
        satisfaction_ratings: largestPiles(wide.control.records('satisfaction_ratings'), stamps),
      };
      for (const [resource, byKey] of Object.entries(piles)) {
        for (const [key, pile] of Object.entries(byKey))
          expect(pile, `${resource}.${key}`).toBeLessThanOrEqual(20);
      }
    } finally {
      await wide.stop();
    }
  });

  it('serves a million tickets while holding compact state', async () => {
    // Typed arrays live outside the V8 heap (arrayBuffers), so both count.
    const held = () => {
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const before = held();
    const big = await startSimulator({ tickets: 1_000_000, seed: 'big', now: FIXED_NOW, rateLimit: false });
    try {
      // Typed arrays for a million tickets plus 250k contacts take tens of MB, not the GBs of full records.
      expect(held() - before).toBeLessThan(400 * 1024 * 1024);
      const last = await rawGet(big, '/tickets/1000000');
      expect(((await last.json()) as Row).id).toBe(1_000_000);
      const deep = await rawGet(
        big,
        '/tickets?updated_since=2000-01-01T00:00:00Z&order_by=updated_at&order_type=asc&per_page=100&page=300',
      );
      expect(((await deep.json()) as unknown[]).length).toBe(100);
      expect(deep.headers.get('link')).toContain('page=301');
      // Serving built the updated_at order and a list view (a few more typed arrays), still compact.
      expect(held() - before).toBeLessThan(400 * 1024 * 1024);
    } finally {
      await big.stop();
    }
  });
});
