import { describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../src/index.js';
import { createPipeline, resource, transformer } from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

interface Ticket {
  id: number;
  subject: string;
  updated_at: string;
  tags: string[];
  stats: { resolved_at: string | null };
  custom_fields?: Record<string, unknown>;
}

function ticket(id: number, updated: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Ticket ${id}`,
    updated_at: updated,
    tags: ['a', `t${id}`],
    stats: { resolved_at: null },
    ...extra,
  };
}

function ticketsResource(data: () => Ticket[]) {
  return resource(
    async function* (ctx) {
      const since = String(ctx.incremental?.startValue ?? '');
      yield data().filter((t) => t.updated_at >= since);
    },
    {
      name: 'tickets',
      primaryKey: 'id',
      writeDisposition: 'merge',
      incremental: { cursor: 'updated_at', initialValue: '2010-01-01T00:00:00Z' },
    },
  );
}

describe('pipeline through the memory destination', () => {
  it('loads records, child tables and state, then merges incrementally', async () => {
    const destination = new MemoryDestination();
    const events: PipelineEvent[] = [];
    const workingDir = await tempDir();
    let data = [ticket(1, '2024-01-01T00:00:00Z'), ticket(2, '2024-01-02T00:00:00Z')];
    const tickets = ticketsResource(() => data);
    const conversations = transformer(tickets, (t) => [{ id: Number(t.id) * 10, body: `about ${t.id}` }], {
      name: 'conversations',
      primaryKey: 'id',
      writeDisposition: 'merge',
    });
    const pipeline = createPipeline({
      name: 'freshdesk',
      dataset: 'freshdesk',
      destination,
      workingDir,
      onEvent: (e) => events.push(e),
    });
    const info = await pipeline.run([tickets, conversations]);
    expect(info.rows).toEqual({ tickets: 2, tickets__tags: 4, conversations: 2 });
    expect([...(info.packages[0]?.newTables ?? [])].sort()).toEqual([
      'conversations',
      'tickets',
      'tickets__tags',
    ]);
    const rows = destination.readTable('freshdesk', 'tickets')!;
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(events.map((e) => e.type)).toContain('state_committed');

    // ticket 2 changes (one tag fewer), ticket 3 is new; ticket 1 at the old boundary is not reloaded
    data = [
      ticket(1, '2024-01-01T00:00:00Z'),
      ticket(2, '2024-01-03T00:00:00Z', { tags: ['only'] }),
      ticket(3, '2024-01-03T00:00:00Z'),
    ];
    const second = await pipeline.run([tickets, conversations]);
    expect(second.rows.tickets).toBe(2);
    const after = destination.readTable('freshdesk', 'tickets')!;
    expect(after.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    const tags = destination.readTable('freshdesk', 'tickets__tags')!;
    expect(tags.map((t) => t.value).sort()).toEqual(['a', 'a', 'only', 't1', 't3']);

    // nothing changed: the boundary keys (tickets 2 and 3 at the last value) keep them out
    const third = await pipeline.run([tickets, conversations]);
    expect(third.rows.tickets ?? 0).toBe(0);
  });
});
