import { ticketDescription, ticketStats } from '../data/tickets.js';
import type { RecordData } from './record-table.js';
import type { SimulatorState } from './state.js';
import { conversationsOf } from './ticket-children.js';

export const TICKET_LIST_INCLUDES = ['stats', 'requester', 'description', 'company'] as const;
export const TICKET_VIEW_INCLUDES = ['conversations', 'requester', 'company', 'stats'] as const;

export function descriptionOf(
  state: SimulatorState,
  id: number,
): { description: string; description_text: string } {
  return state.ticketDescriptions.get(id) ?? ticketDescription(state.world, id);
}

/** The embedded objects requested with `include`, keyed by their property name. */
export function ticketEmbeds(
  state: SimulatorState,
  record: RecordData,
  includes: readonly string[],
): RecordData {
  const id = record.id as number;
  const embeds: RecordData = {};
  for (const include of includes) {
    if (include === 'description') {
      Object.assign(embeds, descriptionOf(state, id));
    } else if (include === 'stats') {
      const index = state.tickets.indexOf(id) ?? 0;
      embeds.stats = ticketStats(record, state.tickets.createdAt(index), state.tickets.updatedAt(index));
    } else if (include === 'requester') {
      const contact = state.contacts.get(record.requester_id as number);
      if (contact) {
        embeds.requester = {
          id: contact.id,
          name: contact.name,
          email: contact.email ?? null,
          mobile: contact.mobile ?? null,
          phone: contact.phone ?? null,
        };
      }
    } else if (include === 'company') {
      const company =
        record.company_id === null ? undefined : state.companies.get(record.company_id as number);
      if (company) embeds.company = { id: company.id, name: company.name };
    } else if (include === 'conversations') {
      // Freshdesk embeds at most ten conversations in a ticket view.
      embeds.conversations = conversationsOf(state, id).slice(0, 10);
    }
  }
  return embeds;
}

/**
 * A ticket as it appears in a list. Without includes this is the cached JSON; embeds are spliced in before
 * the closing brace so the cached part is never re-encoded.
 */
export function ticketJsonWithIncludes(
  state: SimulatorState,
  id: number,
  includes: readonly string[],
): string {
  const json = state.tickets.json(id) ?? 'null';
  if (includes.length === 0) return json;
  const record = state.tickets.get(id);
  if (!record) return json;
  const embeds = JSON.stringify(ticketEmbeds(state, record, includes));
  return embeds === '{}' ? json : `${json.slice(0, -1)},${embeds.slice(1)}`;
}
