import { isoSeconds } from '../clock.js';
import type { RecordData } from '../store/record-table.js';
import { Rng, Stream, unitFloat } from './random.js';
import { escapeHtml, FILE_TYPES, SENTENCES } from './text.js';
import { IdBase, type World } from './world.js';

/** Generated conversations of ticket t have ids t * SLOTS + k, so an id alone locates its ticket. */
export const CONVERSATION_SLOTS = 16;

/** How many conversations ticket `id` was generated with (1 to 6). */
export function conversationCount(world: World, ticketId: number): number {
  return 1 + Math.floor(unitFloat(world.seedHash, Stream.conversation, ticketId) * 6);
}

export function conversationId(ticketId: number, k: number): number {
  return ticketId * CONVERSATION_SLOTS + k;
}

export function attachment(id: number, seconds: number, rng: Rng, baseUrl: string): RecordData {
  const [name, contentType] = rng.pick(FILE_TYPES);
  return {
    id,
    name,
    content_type: contentType,
    size: rng.int(200, 5_000_000),
    attachment_url: `${baseUrl}/attachments/${id}/${name}?expires=${seconds + 300}`,
    thumb_url: contentType.startsWith('image/') ? `${baseUrl}/attachments/${id}/thumb` : null,
    created_at: isoSeconds(seconds),
    updated_at: isoSeconds(seconds),
  };
}

/**
 * The k-th generated conversation of a ticket. Conversations are spread between the ticket's creation and
 * its last update; about one in five carries attachment metadata.
 */
export function generateConversation(
  world: World,
  ticket: { id: number; requesterId: number; responderId: number | null; supportEmail: string },
  created: number,
  updated: number,
  k: number,
  count: number,
  attachmentBaseUrl: string,
): RecordData {
  const id = conversationId(ticket.id, k);
  const rng = Rng.for(world.seedHash, Stream.conversation, id);
  const at = created + Math.floor(((updated - created) * (k + 1)) / (count + 1));
  const incoming = k % 2 === 0;
  const isNote = !incoming && rng.bool(0.25);
  const text = [rng.pick(SENTENCES), rng.pick(SENTENCES)].join(' ');
  const agent = ticket.responderId ?? world.agentId(0);
  const attachments: RecordData[] = [];
  if (rng.bool(0.2)) {
    const n = rng.int(1, 2);
    for (let a = 0; a < n; a++)
      attachments.push(attachment(IdBase.attachment + id * 4 + a, at, rng, attachmentBaseUrl));
  }
  return {
    body: `<div>${escapeHtml(text)}</div>`,
    body_text: text,
    id,
    incoming,
    private: isNote,
    user_id: incoming ? ticket.requesterId : agent,
    support_email: incoming ? null : ticket.supportEmail,
    source: isNote ? 2 : 0,
    category: isNote ? 2 : 3,
    ticket_id: ticket.id,
    to_emails: incoming ? [ticket.supportEmail] : [`requester-${ticket.requesterId}@example.com`],
    from_email: incoming ? null : ticket.supportEmail,
    cc_emails: [],
    bcc_emails: [],
    attachments,
    auto_response: false,
    source_additional_info: null,
    last_edited_at: null,
    last_edited_user_id: null,
    created_at: isoSeconds(at),
    updated_at: isoSeconds(at),
  };
}
