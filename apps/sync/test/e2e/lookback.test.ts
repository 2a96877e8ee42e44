import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectWarehouseEqualsSimulator } from '../support/compare.js';
import { requestsByPath, sorted, Truth } from '../support/truth.js';
import { ms, query, startWorld, type World } from '../support/world.js';

const DAY = 86_400_000;
const RATINGS = '/surveys/satisfaction_ratings';

describe('satisfaction ratings: created_since with a 7-day lookback, for ratings edited after the fact', () => {
  let world: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld({ seed: 'ratings', tickets: 300, contacts: 40 });
    env = { ...world.env, SLUICE_RESOURCES: 'satisfaction_ratings' };
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  it('re-reads the last 7 days before the cursor, the newest rating included: an edit inside them lands, one before them does not', async () => {
    const truth = new Truth(world.sim);
    const selection = { resources: ['satisfaction_ratings'] };
    expect((await runCli(['run'], env)).code).toBe(0);
    truth.synced(selection);
    await expectWarehouseEqualsSimulator(world.dbPath, truth);

    const ratings = world.sim.control.snapshot('satisfaction_ratings');
    const newest = Math.max(...ratings.map((r) => ms(r.created_at)));
    const inWindow = ratings.find((r) => ms(r.created_at) >= newest - 7 * DAY && ms(r.created_at) < newest);
    const beforeWindow = ratings.find((r) => ms(r.created_at) < newest - 7 * DAY);
    expect(
      inWindow,
      'a rating inside the lookback window (pick another seed if the data changed)',
    ).toBeDefined();
    expect(beforeWindow, 'a rating before the lookback window').toBeDefined();
    const inside = inWindow as Record<string, unknown>;
    const before = beforeWindow as Record<string, unknown>;
    // The newest rating sits at the cursor itself: loaded before, it is re-read with the window all the same.
    const latest = ratings.find((r) => ms(r.created_at) === newest) as Record<string, unknown>;

    // Customers edit ratings in the survey (no API call can): the simulator's control edits them in place, a
    // new updated_at and the same created_at, so the snapshot (and with it the truth) holds the edits.
    world.sim.control.advanceClock(3_600_000);
    const editedAt = world.sim.control
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    for (const rating of [inside, before, latest]) {
      const edited = world.sim.control.editRating(Number(rating.id), {
        feedback: `Edited: ${String(rating.id)}`,
        ratings: { default_question: 103 },
      });
      expect(edited).toMatchObject({ created_at: rating.created_at, updated_at: editedAt });
    }

    const createdSince = truth.ratingsCreatedSince();
    expect(createdSince).toBe(new Date(newest - 7 * DAY).toISOString());
    const fromSim = world.requests.length;
    expect((await runCli(['run'], env)).code).toBe(0);
    const sent = world.requests
      .slice(fromSim)
      .filter((r) => r.path === RATINGS)
      .map((r) => new URLSearchParams(r.query).get('created_since'));
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([createdSince]));
    expect(sorted(requestsByPath(world.requests.slice(fromSim)))).toEqual(sorted(truth.synced(selection)));

    const rows = await query(
      world.dbPath,
      `SELECT id, feedback, ratings__default_question AS score FROM freshdesk.satisfaction_ratings WHERE id IN (${inside.id}, ${before.id}, ${latest.id})`,
    );
    expect(rows).toContainEqual({ id: inside.id, feedback: `Edited: ${inside.id}`, score: 103 });
    expect(rows).toContainEqual({ id: latest.id, feedback: `Edited: ${latest.id}`, score: 103 });
    // Outside the window: not re-read, the warehouse keeps the rating as first loaded (the documented limit).
    expect(rows).toContainEqual({
      id: before.id,
      feedback: before.feedback ?? null,
      score: (before.ratings as { default_question: number }).default_question,
    });
    await expectWarehouseEqualsSimulator(world.dbPath, truth);
  });
});
