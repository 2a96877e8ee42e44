import { join } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { createPipeline } from '@sluice/loader-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshdeskSource } from '../../src/index.js';
import { query, startWorld, type World } from '../support/world.js';

describe('programmatic use: freshdeskSource() with a loader-core pipeline', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'programmatic', tickets: 40, contacts: 10 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('loads the selected resources (and their parents) into any destination', async () => {
    const resources = freshdeskSource({
      baseUrl: world.sim.baseUrl,
      apiKey: world.sim.apiKey,
      requestsPerMinute: 1_000_000,
      resources: ['conversations', 'agents'],
      ticketIncludes: ['stats'],
      perPage: 25,
    });
    expect(resources.map((r) => r.name)).toEqual(['tickets', 'conversations', 'agents']);
    const pipeline = createPipeline({
      name: 'freshdesk',
      destination: duckdb({ path: world.dbPath }),
      workingDir: join(world.dir, 'work'),
    });
    const info = await pipeline.run(resources);
    const tickets = world.sim.control.snapshot('tickets');
    expect(info.rows.tickets).toBe(tickets.length);
    expect(info.rows.conversations).toBe(world.sim.control.snapshot('conversations').length);
    const stored = await query(
      world.dbPath,
      'SELECT id, stats__resolved_at FROM freshdesk.tickets ORDER BY id',
    );
    expect(stored.map((r) => Number(r.id))).toEqual(tickets.map((t) => Number(t.id)).sort((a, b) => a - b));
    // include=stats embedded the stats object, flattened into columns.
    expect(stored.some((r) => r.stats__resolved_at !== null)).toBe(true);
    expect(
      await query(
        world.dbPath,
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'contacts'",
      ),
    ).toEqual([{ n: 0 }]);
  });
});
