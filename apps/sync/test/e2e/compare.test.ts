import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { differences } from '../support/compare.js';
import { Truth } from '../support/truth.js';
import { startWorld, type World, withDatabase } from '../support/world.js';

/** The exact comparison the other e2e tests rely on must fail on any difference: proven here by tampering. */
describe('the warehouse comparison', () => {
  let world: World;
  let truth: Truth;

  beforeAll(async () => {
    world = await startWorld({ seed: 'compare', tickets: 30, contacts: 10 });
    truth = new Truth(world.sim);
    expect((await runCli(['run'], world.env)).code).toBe(0);
    truth.synced();
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('holds the model of what the runs read, not data no incremental run can see', async () => {
    // A new custom field on every ticket without moving updated_at: the next run cannot see it.
    world.sim.control.addCustomField({ resource: 'tickets', name: 'cf_unseen', type: 'text', nullRate: 0 });
    expect((await runCli(['run'], world.env)).code).toBe(0);
    truth.synced();
    await withDatabase(world.dbPath, async (q) => {
      expect(await differences(q, truth)).toEqual([]);
      expect((await differences(q, world.sim)).join('\n')).toMatch(
        /tickets\[\d+\]: no column custom_fields__cf_unseen for "/,
      );
    });
  });

  it('reports every kind of difference', async () => {
    await withDatabase(world.dbPath, async (q) => {
      await q("UPDATE freshdesk.tickets SET subject = 'tampered' WHERE id = 3");
      await q(
        'UPDATE freshdesk.tickets SET stats__resolved_at = stats__resolved_at + INTERVAL 1 SECOND WHERE id = 5',
      );
      await q(
        'UPDATE freshdesk.contacts SET deleted = NOT deleted WHERE id = (SELECT min(id) FROM freshdesk.contacts)',
      );
      await q(
        'DELETE FROM freshdesk.tickets__tags WHERE _sluice_id = (SELECT min(_sluice_id) FROM freshdesk.tickets__tags)',
      );
      await q('INSERT INTO freshdesk.time_entries SELECT * FROM freshdesk.time_entries LIMIT 1');
      await q('DELETE FROM freshdesk.agents WHERE id = (SELECT max(id) FROM freshdesk.agents)');
      const found = (await differences(q, truth)).join('\n');
      expect(found).toMatch(/tickets\[3\]\.subject: "tampered", expected /);
      expect(found).toMatch(/tickets\[5\]\.stats__resolved_at: "[^"]+", expected "/);
      expect(found).toMatch(/contacts\[\d+\]\.deleted: (true|false), expected (true|false)/);
      expect(found).toMatch(/tickets\[\d+\] → tickets__tags: \d+ rows, expected \d+/);
      expect(found).toMatch(/time_entries\[\d+\]: 2 rows, expected 1/);
      expect(found).toMatch(/agents\[\d+\]: 0 rows, expected 1/);
    });
  });
});
