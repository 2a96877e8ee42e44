import { CONVERSATION_SLOTS, conversationCount, generateConversation } from '../data/conversations.js';
import { Stream } from '../data/random.js';
import { generateRating, hasRating } from '../data/ratings.js';
import { baseTicketStatus } from '../data/tickets.js';
import { generateTimeEntry, TIME_ENTRY_SLOTS, timeEntryCount } from '../data/time-entries.js';
import { updatedAtFor } from '../data/timeline.js';
import type { RecordData } from './record-table.js';
import type { SimulatorState } from './state.js';

/**
 * Conversations, time entries and ratings hang off tickets. They are generated from the ticket's original
 * (generated) values, so they stay stable when the ticket itself is later updated.
 */
interface TicketBasis {
  id: number;
  requesterId: number;
  responderId: number | null;
  groupId: number | null;
  supportEmail: string;
  created: number;
  /** The generated updated_at: children fall between creation and this instant. */
  generatedUpdated: number;
  baseStatus: number;
}

export function ticketBasis(state: SimulatorState, ticketId: number): TicketBasis | undefined {
  const base = state.tickets.base(ticketId);
  const index = state.tickets.indexOf(ticketId);
  if (!base || index === undefined) return undefined;
  const created = state.tickets.createdAt(index);
  const world = state.world;
  return {
    id: ticketId,
    requesterId: base.requester_id as number,
    responderId: base.responder_id as number | null,
    groupId: base.group_id as number | null,
    supportEmail: base.support_email as string,
    created,
    generatedUpdated: updatedAtFor(world.seedHash, Stream.ticketTimes, ticketId, created, world.generatedAt),
    baseStatus: baseTicketStatus(world, ticketId, created),
  };
}

export function attachmentBaseUrl(state: SimulatorState): string {
  return `https://${state.world.seed.replace(/[^a-z0-9-]/gi, '') || 'sim'}.attachments.example.com`;
}

/** The ticket's current conversations, oldest first (generated, minus deleted, with edits, plus added). */
export function conversationsOf(state: SimulatorState, ticketId: number): RecordData[] {
  const out: RecordData[] = [];
  const basis = ticketBasis(state, ticketId);
  if (basis) {
    const count = conversationCount(state.world, ticketId);
    for (let k = 0; k < count; k++) {
      const generated = generateConversation(
        state.world,
        basis,
        basis.created,
        basis.generatedUpdated,
        k,
        count,
        attachmentBaseUrl(state),
      );
      const edit = state.conversationEdits.get(generated.id as number);
      if (edit === null) continue;
      out.push(edit ? { ...generated, ...edit } : generated);
    }
  }
  for (const added of state.addedConversations.get(ticketId) ?? []) {
    const edit = state.conversationEdits.get(added.id as number);
    if (edit === null) continue;
    out.push(edit ? { ...added, ...edit } : added);
  }
  return out;
}

/** The ticket a conversation id belongs to, if it exists. */
export function ticketOfConversation(state: SimulatorState, conversationId: number): number | undefined {
  for (const [ticketId, list] of state.addedConversations) {
    if (list.some((c) => c.id === conversationId)) return ticketId;
  }
  const ticketId = Math.floor(conversationId / CONVERSATION_SLOTS);
  const k = conversationId % CONVERSATION_SLOTS;
  if (!state.tickets.exists(ticketId) || !state.tickets.base(ticketId)) return undefined;
  return k < conversationCount(state.world, ticketId) ? ticketId : undefined;
}

export function timeEntriesOf(state: SimulatorState, ticketId: number): RecordData[] {
  const out: RecordData[] = [];
  const basis = ticketBasis(state, ticketId);
  if (basis) {
    const count = timeEntryCount(state.world, ticketId);
    for (let k = 0; k < count; k++) {
      const generated = generateTimeEntry(state.world, ticketId, basis.created, basis.generatedUpdated, k);
      const edit = state.timeEntryEdits.get(generated.id as number);
      if (edit === null) continue;
      out.push(edit ? { ...generated, ...edit } : generated);
    }
  }
  for (const added of state.addedTimeEntries.get(ticketId) ?? []) {
    const edit = state.timeEntryEdits.get(added.id as number);
    if (edit === null) continue;
    out.push(edit ? { ...added, ...edit } : added);
  }
  return out;
}

export function ticketOfTimeEntry(state: SimulatorState, timeEntryId: number): number | undefined {
  for (const [ticketId, list] of state.addedTimeEntries) {
    if (list.some((t) => t.id === timeEntryId)) return ticketId;
  }
  const ticketId = Math.floor(timeEntryId / TIME_ENTRY_SLOTS);
  const k = timeEntryId % TIME_ENTRY_SLOTS;
  if (!state.tickets.exists(ticketId) || !state.tickets.base(ticketId)) return undefined;
  return k < timeEntryCount(state.world, ticketId) ? ticketId : undefined;
}

/** Cheap check (no record generation) whether a generated ticket may have time entries. */
export function mayHaveTimeEntries(state: SimulatorState, ticketId: number): boolean {
  return state.addedTimeEntries.has(ticketId) || timeEntryCount(state.world, ticketId) > 0;
}

export function ratingOf(state: SimulatorState, ticketId: number): RecordData | undefined {
  const index = state.tickets.indexOf(ticketId);
  if (index === undefined || index >= state.tickets.generatedCount) return undefined;
  const created = state.tickets.createdAt(index);
  if (!hasRating(state.world, ticketId, baseTicketStatus(state.world, ticketId, created))) return undefined;
  const basis = ticketBasis(state, ticketId);
  if (!basis) return undefined;
  const rating = generateRating(state.world, basis, created);
  const edit = state.ratingEdits.get(rating.id as number);
  return edit ? { ...rating, ...edit } : rating;
}
