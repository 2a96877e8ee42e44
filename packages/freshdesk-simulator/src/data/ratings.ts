import { isoSeconds } from '../clock.js';
import type { RecordData } from '../store/record-table.js';
import { Rng, Stream, unitFloat } from './random.js';
import { SENTENCES } from './text.js';
import { IdBase, type World } from './world.js';

const DAY = 86_400;

/** About a third of resolved or closed tickets got a satisfaction rating; its id is derived from the ticket. */
export function hasRating(world: World, ticketId: number, baseStatus: number): boolean {
  return baseStatus >= 4 && unitFloat(world.seedHash, Stream.rating, ticketId) < 0.35;
}

export function ratingId(ticketId: number): number {
  return ticketId * 2 + 1;
}

/** The ticket a rating id was derived from (undefined when no ticket could have it). */
export function ticketOfRatingId(id: number): number | undefined {
  const ticketId = (id - 1) / 2;
  return Number.isSafeInteger(ticketId) && ticketId > 0 ? ticketId : undefined;
}

/**
 * created_at of the rating: up to five days after the ticket was created, within the ticket's age. Scaling
 * the delay to the age (rather than cutting it off at the generation instant) keeps the ratings of recent
 * tickets from all landing on that one second.
 */
export function ratingCreatedAt(world: World, ticketId: number, created: number): number {
  const span = Math.max(0, Math.min(world.generatedAt - created, 5 * DAY));
  return created + Math.floor(unitFloat(world.seedHash, Stream.rating, ticketId * 3 + 1) * span);
}

export function generateRating(
  world: World,
  ticket: { id: number; requesterId: number; responderId: number | null; groupId: number | null },
  created: number,
): RecordData {
  const rng = Rng.for(world.seedHash, Stream.rating, ratingId(ticket.id));
  const at = ratingCreatedAt(world, ticket.id, created);
  return {
    id: ratingId(ticket.id),
    survey_id: IdBase.survey + 1,
    user_id: ticket.requesterId,
    agent_id: ticket.responderId,
    group_id: ticket.groupId,
    ticket_id: ticket.id,
    feedback: rng.bool(0.5) ? rng.pick(SENTENCES) : null,
    ratings: { default_question: rng.pick([103, 102, 101, 100, -101, -102, -103]) },
    created_at: isoSeconds(at),
    updated_at: isoSeconds(at),
  };
}
