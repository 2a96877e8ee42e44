import { isoSeconds } from '../clock.js';
import { ticketOfRatingId } from '../data/ratings.js';
import type { RecordData } from './record-table.js';
import type { SimulatorState } from './state.js';
import { ratingOf } from './ticket-children.js';

/** What a customer can change when they answer a satisfaction survey again. */
export interface RatingPatch {
  /** The customer's comment; null removes it. */
  feedback?: string | null;
  /**
   * Answers by question id (e.g. `default_question`), merged into the rating's: each must be a question of
   * the rating's survey, and its value one of the question's `accepted_ratings`.
   */
  ratings?: Record<string, number>;
}

const PATCH_KEYS = ['feedback', 'ratings'];

/** The rating with id `id` as currently served, or undefined when there is none. */
function currentRating(state: SimulatorState, id: number): RecordData | undefined {
  const ticketId = ticketOfRatingId(id);
  if (ticketId === undefined || !state.tickets.exists(ticketId)) return undefined;
  const rating = ratingOf(state, ticketId);
  return rating?.id === id ? rating : undefined;
}

function acceptedRatings(state: SimulatorState, surveyId: unknown): Map<string, readonly number[]> {
  const survey = state.catalog.surveys.find((s) => s.id === surveyId);
  const questions = (survey?.questions ?? []) as { id: string; accepted_ratings: number[] }[];
  return new Map(questions.map((q) => [q.id, q.accepted_ratings]));
}

function validatePatch(state: SimulatorState, rating: RecordData, patch: RatingPatch): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new TypeError('A rating edit must be an object with feedback and/or ratings.');
  }
  const unknown = Object.keys(patch).filter((k) => !PATCH_KEYS.includes(k));
  if (unknown.length > 0) {
    throw new Error(
      `Cannot edit ${unknown.join(', ')} of a satisfaction rating: customers change only feedback and ratings.`,
    );
  }
  if (patch.feedback === undefined && patch.ratings === undefined) {
    throw new Error('Nothing to edit: give feedback (a string or null) and/or ratings.');
  }
  if (patch.feedback !== undefined && patch.feedback !== null && typeof patch.feedback !== 'string') {
    throw new TypeError(`feedback must be a string or null, got ${JSON.stringify(patch.feedback)}.`);
  }
  if (patch.ratings === undefined) return;
  if (typeof patch.ratings !== 'object' || patch.ratings === null || Array.isArray(patch.ratings)) {
    throw new TypeError(
      'ratings must be an object of question id to rating, e.g. {"default_question": 103}.',
    );
  }
  const accepted = acceptedRatings(state, rating.survey_id);
  for (const [question, value] of Object.entries(patch.ratings)) {
    const scale = accepted.get(question);
    if (!scale) {
      throw new Error(
        `Survey ${String(rating.survey_id)} has no question "${question}"; its questions: ${[...accepted.keys()].join(', ')}.`,
      );
    }
    if (!scale.includes(value)) {
      throw new RangeError(
        `${JSON.stringify(value)} is not a rating of "${question}"; use one of ${scale.join(', ')}.`,
      );
    }
  }
}

/**
 * Edits a satisfaction rating as a customer re-answering the survey would: the given feedback and ratings
 * change, updated_at moves to `now` (never backwards), created_at stays. Returns the rating as now served.
 */
export function editRating(state: SimulatorState, id: number, patch: RatingPatch, now: number): RecordData {
  const rating = currentRating(state, id);
  if (!rating) {
    throw new Error(
      `No satisfaction rating with id ${String(id)}; take an id from snapshot('satisfaction_ratings').`,
    );
  }
  validatePatch(state, rating, patch);
  const edit: RecordData = { ...state.ratingEdits.get(id) };
  if (patch.feedback !== undefined) edit.feedback = patch.feedback;
  if (patch.ratings !== undefined) edit.ratings = { ...(rating.ratings as RecordData), ...patch.ratings };
  edit.updated_at = isoSeconds(Math.max(now, Date.parse(String(rating.updated_at)) / 1000));
  state.ratingEdits.set(id, edit);
  state.ratingVersion++;
  return { ...rating, ...edit };
}
