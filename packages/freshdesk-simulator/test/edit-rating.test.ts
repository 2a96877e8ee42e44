import { describe, expect, it } from 'vitest';
import { alignToSecond, clientFor, controlRequest, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 300, seed: 'edit-rating' });
const client = clientFor(sim);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Rating = Record<string, unknown> & { id: number; ticket_id: number; created_at: string };

function ratings(): Rating[] {
  return sim.control.snapshot('satisfaction_ratings') as Rating[];
}

async function listRatings(createdSince?: string): Promise<Rating[]> {
  const out: Rating[] = [];
  const query = createdSince === undefined ? {} : { created_since: createdSince };
  for await (const r of client.paginate('/surveys/satisfaction_ratings', { perPage: 100, params: { query } }))
    out.push(r as unknown as Rating);
  return out;
}

const control = (path: string, body?: unknown) => controlRequest(sim, path, body);

describe('control.editRating', () => {
  it('changes feedback, ratings and updated_at, keeping created_at and the place in created_since lists', async () => {
    const now = sim.control.now().getTime();
    const old = ratings().find((r) => Date.parse(r.created_at) < now - 60 * DAY) as Rating;
    expect(old, 'a rating older than 60 days').toBeDefined();
    const since = new Date(Date.parse(old.created_at) - DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    // Listed (and cached) before the edit: the edit must show through the cached list.
    const before = await listRatings(since);
    expect(before.map((r) => r.id)).toContain(old.id);
    expect(before.find((r) => r.id === old.id)?.feedback).not.toBe('Much better after the follow-up');

    sim.control.advanceClock(HOUR);
    const editedAt = alignToSecond(sim);
    const edited = sim.control.editRating(old.id, {
      feedback: 'Much better after the follow-up',
      ratings: { default_question: 103 },
    });
    const expected = {
      ...old,
      feedback: 'Much better after the follow-up',
      ratings: { default_question: 103 },
      updated_at: editedAt,
    };
    expect(edited).toEqual(expected);

    const after = await listRatings(since);
    // Same list, same order (by created_at): only the edited rating differs.
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.find((r) => r.id === old.id)).toEqual(expected);
    expect(after.filter((r) => r.id !== old.id)).toEqual(before.filter((r) => r.id !== old.id));
    // Listed from its own created_at, not from the edit: Freshdesk lists ratings by creation.
    expect((await listRatings(old.created_at)).find((r) => r.id === old.id)).toEqual(expected);
    expect((await listRatings(editedAt)).map((r) => r.id)).not.toContain(old.id);
    const perTicket = await client.GET('/tickets/{id}/satisfaction_ratings', {
      params: { path: { id: old.ticket_id } },
    });
    expect(perTicket.data).toEqual([expected]);
    expect(ratings().find((r) => r.id === old.id)).toEqual(expected);
  });

  it('merges later edits: feedback alone keeps the ratings, null clears the feedback', async () => {
    const now = sim.control.now().getTime();
    const recent = ratings().find((r) => Date.parse(r.created_at) >= now - 20 * DAY) as Rating;
    expect(recent, 'a rating of the last 20 days').toBeDefined();
    sim.control.editRating(recent.id, { ratings: { default_question: -103 } });
    sim.control.advanceClock(HOUR);
    const second = alignToSecond(sim);
    const edited = sim.control.editRating(recent.id, { feedback: null });
    expect(edited).toEqual({
      ...recent,
      feedback: null,
      ratings: { default_question: -103 },
      updated_at: second,
    });
    // The default list (the last 30 days) serves it too.
    expect((await listRatings()).find((r) => r.id === recent.id)).toEqual(edited);
  });

  it('says what cannot be edited, and changes nothing then', () => {
    const [rating] = ratings() as [Rating];
    const untouched = () => ratings().find((r) => r.id === rating.id);
    const before = untouched();
    expect(() => sim.control.editRating(2, { feedback: 'x' })).toThrow(/No satisfaction rating with id 2/);
    expect(() => sim.control.editRating(rating.id, {})).toThrow(/Nothing to edit/);
    const sneaky = { feedback: 'x', created_at: '2020-01-01T00:00:00Z' } as Parameters<
      typeof sim.control.editRating
    >[1];
    expect(() => sim.control.editRating(rating.id, sneaky)).toThrow(/Cannot edit created_at/);
    expect(() => sim.control.editRating(rating.id, { ratings: { default_question: 99 } })).toThrow(
      /99 is not a rating of "default_question"; use one of 103, 102/,
    );
    expect(() => sim.control.editRating(rating.id, { ratings: { question_7: 103 } })).toThrow(
      /has no question "question_7"; its questions: default_question/,
    );
    const badFeedback = { feedback: 5 } as unknown as Parameters<typeof sim.control.editRating>[1];
    expect(() => sim.control.editRating(rating.id, badFeedback)).toThrow(/feedback must be a string or null/);
    expect(untouched()).toEqual(before);
  });

  it('edits over HTTP: POST /_control/edit-rating', async () => {
    const rating = ratings().at(-1) as Rating;
    sim.control.advanceClock(HOUR);
    const editedAt = alignToSecond(sim);
    const answer = await control('/edit-rating', {
      id: rating.id,
      feedback: 'Edited over HTTP',
      ratings: { default_question: 101 },
    });
    const expected = {
      ...rating,
      feedback: 'Edited over HTTP',
      ratings: { default_question: 101 },
      updated_at: editedAt,
    };
    expect(answer).toEqual({ status: 200, json: { rating: expected } });
    expect((await listRatings(rating.created_at)).find((r) => r.id === rating.id)).toEqual(expected);
    expect(await control('/edit-rating', { id: rating.id, score: 1 })).toEqual({
      status: 400,
      json: {
        error: 'Cannot edit score of a satisfaction rating: customers change only feedback and ratings.',
      },
    });
    expect((await control('/edit-rating', { feedback: 'no id' })).status).toBe(400);
  });
});
