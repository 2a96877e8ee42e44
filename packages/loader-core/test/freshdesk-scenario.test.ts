import { describe, expect, it } from 'vitest';
import { createPipeline, resource, transformer } from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

interface Ticket {
  id: number;
  subject: string;
  priority: number | string;
  updated_at: string;
  deleted?: boolean;
  tags: string[];
  custom_fields: Record<string, unknown>;
  stats: { resolved_at: string | null };
}

/** A tiny stand-in for the Freshdesk API: tickets filtered by `updated_since`, conversations per ticket. */
class FakeHelpdesk {
  tickets = new Map<number, Ticket>();
  calls: string[] = [];

  upsert(t: Ticket): void {
    this.tickets.set(t.id, t);
  }

  async *ticketPages(updatedSince: string): AsyncGenerator<Ticket[]> {
    this.calls.push(`tickets?updated_since=${updatedSince}`);
    const all = [...this.tickets.values()]
      .filter((t) => t.updated_at >= updatedSince)
      .sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    for (let i = 0; i < all.length; i += 2) yield all.slice(i, i + 2);
  }

  async conversations(ticketId: number): Promise<object[]> {
    this.calls.push(`conversations/${ticketId}`);
    return [{ id: ticketId * 100 + 1, ticket_id: ticketId, body_text: `reply to ${ticketId}` }];
  }
}

function ticket(id: number, updated_at: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Subject ${id}`,
    priority: 1,
    updated_at,
    tags: ['billing'],
    custom_fields: { 'Region Name': 'EMEA', cf_score: 1 },
    stats: { resolved_at: null },
    ...extra,
  };
}

describe('a Freshdesk-shaped pipeline over three runs', () => {
  it('loads, merges incrementally, evolves, hard-deletes and fetches conversations of changed tickets only', async () => {
    const api = new FakeHelpdesk();
    api.upsert(ticket(1, '2024-01-01T10:00:00Z'));
    api.upsert(ticket(2, '2024-01-01T11:00:00Z', { tags: ['billing', 'vip'] }));

    const tickets = resource(({ incremental }) => api.ticketPages(String(incremental?.startValue)), {
      name: 'tickets',
      primaryKey: 'id',
      writeDisposition: 'merge',
      incremental: { cursor: 'updated_at', initialValue: '2000-01-01T00:00:00Z', lookback: { minutes: 1 } },
      columns: { deleted: { hardDelete: true, dataType: 'bool' } },
    });
    const conversations = transformer(tickets, (t) => api.conversations(Number(t.id)), {
      name: 'conversations',
      primaryKey: 'id',
      writeDisposition: 'merge',
      concurrency: 2,
    });
    const destination = new MemoryDestination();
    const pipeline = createPipeline({ name: 'freshdesk', destination, workingDir: await tempDir() });

    const first = await pipeline.run([tickets, conversations]);
    expect(first.rows).toEqual({ tickets: 2, tickets__tags: 3, conversations: 2 });
    expect(api.calls).toEqual([
      'tickets?updated_since=2000-01-01T00:00:00Z',
      'conversations/1',
      'conversations/2',
    ]);

    // run 2: ticket 2 edited (priority becomes text, a new custom field), ticket 3 new
    api.calls = [];
    api.upsert(
      ticket(2, '2024-01-02T09:00:00Z', {
        priority: 'urgent',
        tags: ['vip'],
        custom_fields: { 'Region Name': 'APAC', cf_score: 2.5, 'Nuevo Campo ñ': 'x' },
      }),
    );
    api.upsert(ticket(3, '2024-01-02T09:00:00Z'));
    const second = await pipeline.run([tickets, conversations]);
    // lookback: asked from one minute before the last value
    expect(api.calls[0]).toBe('tickets?updated_since=2024-01-01T10:59:00.000Z');
    expect(api.calls.filter((c) => c.startsWith('conversations')).sort()).toEqual([
      'conversations/2',
      'conversations/3',
    ]);
    expect(second.packages[0]?.newColumns.map((c) => c.column).sort()).toEqual([
      'custom_fields__cf_score__v_double',
      'custom_fields__nuevo_campo_n',
      'priority__v_text',
    ]);

    // run 3: ticket 1 deleted in the helpdesk
    api.upsert(ticket(1, '2024-01-03T00:00:00Z', { deleted: true }));
    await pipeline.run([tickets, conversations]);

    const rows = destination.readTable('freshdesk', 'tickets') ?? [];
    expect(rows.map((r) => r.id).sort()).toEqual([2, 3]);
    const t2 = rows.find((r) => r.id === 2);
    expect(t2).toMatchObject({
      priority__v_text: 'urgent',
      custom_fields__region_name: 'APAC',
      custom_fields__cf_score__v_double: 2.5,
      custom_fields__nuevo_campo_n: 'x',
    });
    expect(t2?.priority).toBeUndefined();
    const tags = destination.readTable('freshdesk', 'tickets__tags') ?? [];
    const rootOf = new Map(rows.map((r) => [r._sluice_id, r.id]));
    expect(tags.map((t) => [rootOf.get(t._sluice_root_id), t.value]).sort()).toEqual([
      [2, 'vip'],
      [3, 'billing'],
    ]);
    expect(
      (destination.readTable('freshdesk', 'conversations') ?? []).map((c) => c.ticket_id).sort(),
    ).toEqual([1, 2, 3]);
    const client = await destination.connect({ dataset: 'freshdesk', pipelineName: 'freshdesk' });
    expect((await client.getState('freshdesk'))?.state.resources.tickets?.incremental?.lastValue).toBe(
      '2024-01-03T00:00:00Z',
    );
    expect((await client.listLoads('freshdesk', 10)).length).toBe(3);
    expect((await client.getStoredSchema('freshdesk'))?.schema.version).toBe(2);
  });
});
