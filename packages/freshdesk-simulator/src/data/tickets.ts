import { isoSeconds } from '../clock.js';
import { Flag, type RecordData, type TableGenerator } from '../store/record-table.js';
import { attachment } from './conversations.js';
import { customFieldValue, withSchemaFields } from './custom-fields.js';
import { Rng, Stream, unitFloat } from './random.js';
import { escapeHtml, SENTENCES, SUBJECTS, TAGS, TICKET_TYPES } from './text.js';
import { IdBase, type World } from './world.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Ticket status codes: 2 open, 3 pending, 4 resolved, 5 closed. */
export function baseTicketStatus(world: World, id: number, created: number): number {
  const r = unitFloat(world.seedHash, Stream.ticketFlags, id * 7 + 1);
  const age = world.generatedAt - created;
  if (age > 14 * DAY) return r < 0.05 ? 2 : r < 0.1 ? 3 : r < 0.4 ? 4 : 5;
  return r < 0.4 ? 2 : r < 0.6 ? 3 : r < 0.85 ? 4 : 5;
}

/** Initial deleted/spam flags of a generated ticket. */
export function initialTicketFlags(world: World, id: number): number {
  const r = unitFloat(world.seedHash, Stream.ticketFlags, id * 7 + 2);
  if (r < 0.02) return Flag.deleted;
  if (r < 0.03) return Flag.spam;
  return 0;
}

export function requesterIndexOf(world: World, id: number): number {
  return Math.floor(unitFloat(world.seedHash, Stream.ticket, id * 7 + 3) * world.sizes.contacts);
}

/** Description of a ticket: not part of the list payload unless include=description. */
export function ticketDescription(
  world: World,
  id: number,
): { description: string; description_text: string } {
  const rng = Rng.for(world.seedHash, Stream.ticket, id * 7 + 4);
  const sentences = [rng.pick(SENTENCES), rng.pick(SENTENCES), rng.pick(SENTENCES)];
  return {
    description: `<div>${sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join('')}</div>`,
    description_text: sentences.join(' '),
  };
}

export function ticketGenerator(
  world: World,
  companyOfContact: (contactIndex: number) => number | null,
): TableGenerator {
  return {
    generate(id, created): RecordData {
      const rng = Rng.for(world.seedHash, Stream.ticket, id);
      const requesterIndex = requesterIndexOf(world, id);
      const status = baseTicketStatus(world, id, created);
      const priority = rng.weighted([
        [1, 4],
        [2, 3],
        [3, 2],
        [4, 1],
      ] as const);
      const groupIndex = rng.int(0, world.sizes.groups - 1);
      const hasAgent = status !== 2 || rng.bool(0.5);
      const dueBy = created + (5 - priority) * 12 * HOUR;
      const email = `support${rng.bool(0.8) ? '' : '-eu'}@example-helpdesk.com`;
      const customFields: RecordData = {};
      for (const field of world.customFields('tickets')) {
        customFields[field.name] = customFieldValue(
          world.seedHash,
          Stream.customField,
          id,
          field,
          world.fieldHash(field.name),
        );
      }
      return {
        cc_emails: rng.bool(0.2) ? [`cc${rng.int(1, 99)}@example.org`] : [],
        fwd_emails: [],
        reply_cc_emails: [],
        ticket_cc_emails: [],
        fr_escalated: rng.bool(0.1),
        spam: false,
        email_config_id: IdBase.emailConfig + 1 + (id % 3),
        group_id: rng.bool(0.9) ? world.groupId(groupIndex) : null,
        priority,
        requester_id: world.contactId(requesterIndex),
        responder_id: hasAgent ? world.agentId(rng.int(0, world.sizes.agents - 1)) : null,
        source: rng.weighted([
          [1, 50],
          [2, 20],
          [3, 10],
          [7, 15],
          [9, 3],
          [10, 2],
        ] as const),
        company_id: (() => {
          const company = companyOfContact(requesterIndex);
          return company === null ? null : world.companyId(company);
        })(),
        status,
        subject: `${rng.pick(SUBJECTS)} #${id}`,
        association_type: null,
        support_email: email,
        to_emails: [email],
        product_id: rng.bool(0.7) ? IdBase.product + rng.int(1, 3) : null,
        id,
        type: rng.bool(0.9) ? rng.pick(TICKET_TYPES) : null,
        due_by: isoSeconds(dueBy),
        fr_due_by: isoSeconds(created + (5 - priority) * 4 * HOUR),
        is_escalated: rng.bool(0.15),
        custom_fields: customFields,
        created_at: '',
        updated_at: '',
        associated_tickets_count: null,
        tags: rng.sample(TAGS, rng.int(0, 3)),
      };
    },
    finalize(record, created, updated, flags): RecordData {
      record.created_at = isoSeconds(created);
      record.updated_at = isoSeconds(updated);
      record.custom_fields = withSchemaFields(record.custom_fields, world.customFields('tickets'));
      record.spam = (flags & Flag.spam) !== 0;
      if (flags & Flag.deleted) record.deleted = true;
      else delete record.deleted;
      return record;
    },
  };
}

/** Attachment metadata of a generated ticket's description: about one ticket in six has some. */
export function ticketAttachments(world: World, id: number, created: number, baseUrl: string): RecordData[] {
  const rng = Rng.for(world.seedHash, Stream.ticket, id * 7 + 5);
  if (!rng.bool(1 / 6)) return [];
  const count = rng.int(1, 3);
  const out: RecordData[] = [];
  // Ticket attachment ids are 2 modulo 4; conversation attachments use 0 and 1, so they never collide.
  for (let i = 0; i < count; i++)
    out.push(attachment(IdBase.attachment + (id * 3 + i) * 4 + 2, created, rng, baseUrl));
  return out;
}

/** Ticket `stats`, derived from its timestamps and status (include=stats). */
export function ticketStats(record: RecordData, created: number, updated: number): RecordData {
  const status = record.status;
  const responded = record.responder_id === null ? null : isoSeconds(Math.min(updated, created + 2 * HOUR));
  return {
    agent_responded_at: responded,
    requester_responded_at: updated > created ? isoSeconds(updated) : null,
    first_responded_at: responded,
    status_updated_at: isoSeconds(updated),
    reopened_at: null,
    resolved_at: status === 4 || status === 5 ? isoSeconds(updated) : null,
    closed_at: status === 5 ? isoSeconds(updated) : null,
    pending_since: status === 3 ? isoSeconds(updated) : null,
  };
}
