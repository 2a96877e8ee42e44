import { escapeHtml } from '../data/text.js';
import { ticketAttachments } from '../data/tickets.js';
import { IdBase } from '../data/world.js';
import { notFound } from '../http/api-error.js';
import {
  bodyObject,
  idParam,
  json,
  noContent,
  type RequestContext,
  type RouteDefinition,
  type RouteResult,
} from '../http/router.js';
import { findContactByEmail } from '../store/contact-lookup.js';
import { Flag, type RecordData } from '../store/record-table.js';
import type { SimulatorState } from '../store/state.js';
import { attachmentBaseUrl } from '../store/ticket-children.js';
import { descriptionOf, TICKET_VIEW_INCLUDES, ticketEmbeds } from '../store/ticket-json.js';
import { listTickets, parseIncludes } from './ticket-list.js';
import { BodyValidator } from './validate.js';

const STATUSES = [2, 3, 4, 5];
const PRIORITIES = [1, 2, 3, 4];
const SOURCES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const WRITABLE = [
  'name',
  'requester_id',
  'email',
  'facebook_id',
  'phone',
  'twitter_id',
  'unique_external_id',
  'subject',
  'type',
  'status',
  'priority',
  'source',
  'description',
  'responder_id',
  'group_id',
  'company_id',
  'product_id',
  'email_config_id',
  'parent_id',
  'cc_emails',
  'tags',
  'due_by',
  'fr_due_by',
  'custom_fields',
];
const REQUESTER_FIELDS = [
  'requester_id',
  'phone',
  'email',
  'twitter_id',
  'facebook_id',
  'unique_external_id',
];

/** The full ticket as GET /tickets/:id returns it: with description and attachments. */
export function ticketView(
  state: SimulatorState,
  id: number,
  includes: readonly string[] = [],
): RecordData | undefined {
  const record = state.tickets.get(id);
  if (!record) return undefined;
  const index = state.tickets.indexOf(id) ?? 0;
  const attachments =
    index < state.tickets.generatedCount
      ? ticketAttachments(state.world, id, state.tickets.createdAt(index), attachmentBaseUrl(state))
      : [];
  return { ...record, ...descriptionOf(state, id), attachments, ...ticketEmbeds(state, record, includes) };
}

function validateTicketBody(state: SimulatorState, body: RecordData, creating: boolean): void {
  const v = new BodyValidator(body)
    .allowOnly(WRITABLE)
    .string('subject')
    .string('description')
    .string('email')
    .integer('requester_id')
    .integer('responder_id', !creating)
    .integer('group_id', !creating)
    .integer('company_id', !creating)
    .integer('product_id', !creating)
    .oneOf('status', STATUSES)
    .oneOf('priority', PRIORITIES)
    .oneOf('source', SOURCES)
    .stringArray('tags')
    .stringArray('cc_emails')
    .object('custom_fields')
    .customFields(state.world.customFields('tickets').map((f) => f.name));
  if (creating) v.requireOneOf(REQUESTER_FIELDS);
  if (typeof body.requester_id === 'number' && !state.contacts.exists(body.requester_id)) {
    v.add({
      field: 'requester_id',
      message: 'There is no contact matching the given requester_id',
      code: 'invalid_value',
    });
  }
  v.done();
}

/** Resolves the requester of a new ticket, creating a contact for an unknown email as Freshdesk does. */
function resolveRequester(state: SimulatorState, body: RecordData): number {
  if (typeof body.requester_id === 'number') return body.requester_id;
  if (typeof body.email === 'string') {
    const existing = findContactByEmail(state, body.email);
    if (existing !== undefined) return existing;
  }
  const now = state.now();
  const name =
    typeof body.name === 'string' ? body.name : String(body.email ?? body.phone ?? 'Unknown requester');
  return state.contacts.insert(
    {
      active: false,
      address: null,
      company_id: null,
      view_all_tickets: false,
      description: null,
      email: typeof body.email === 'string' ? body.email : null,
      job_title: null,
      language: 'en',
      mobile: null,
      name,
      phone: typeof body.phone === 'string' ? body.phone : null,
      time_zone: 'Eastern Time (US & Canada)',
      twitter_id: typeof body.twitter_id === 'string' ? body.twitter_id : null,
      other_emails: [],
      facebook_id: typeof body.facebook_id === 'string' ? body.facebook_id : null,
      unique_external_id: typeof body.unique_external_id === 'string' ? body.unique_external_id : null,
      csat_rating: null,
      preferred_source: null,
      tags: [],
      custom_fields: Object.fromEntries(state.world.customFields('contacts').map((f) => [f.name, null])),
    },
    now,
    Flag.unverified,
  );
}

function setDescription(state: SimulatorState, id: number, description: unknown): void {
  if (typeof description !== 'string') return;
  state.ticketDescriptions.set(id, {
    description: description.startsWith('<') ? description : `<div>${escapeHtml(description)}</div>`,
    description_text: description.replace(/<[^>]*>/g, ''),
  });
}

function createTicket(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const body = bodyObject(ctx);
  validateTicketBody(state, body, true);
  const requesterId = resolveRequester(state, body);
  const requester = state.contacts.get(requesterId);
  const now = state.now();
  const customFields: RecordData = Object.fromEntries(
    state.world.customFields('tickets').map((f) => [f.name, null]),
  );
  Object.assign(customFields, body.custom_fields ?? {});
  const dueBy = typeof body.due_by === 'string' ? body.due_by : null;
  const id = state.tickets.insert(
    {
      cc_emails: body.cc_emails ?? [],
      fwd_emails: [],
      reply_cc_emails: body.cc_emails ?? [],
      ticket_cc_emails: body.cc_emails ?? [],
      fr_escalated: false,
      spam: false,
      email_config_id: body.email_config_id ?? null,
      group_id: body.group_id ?? null,
      priority: body.priority ?? 1,
      requester_id: requesterId,
      responder_id: body.responder_id ?? null,
      source: body.source ?? 2,
      company_id: body.company_id ?? requester?.company_id ?? null,
      status: body.status ?? 2,
      subject: body.subject ?? null,
      association_type: null,
      support_email: null,
      to_emails: null,
      product_id: body.product_id ?? null,
      id: 0,
      type: body.type ?? null,
      due_by: dueBy,
      fr_due_by: typeof body.fr_due_by === 'string' ? body.fr_due_by : null,
      is_escalated: false,
      custom_fields: customFields,
      created_at: '',
      updated_at: '',
      associated_tickets_count: null,
      tags: body.tags ?? [],
    },
    now,
  );
  setDescription(state, id, body.description ?? '');
  return json(ticketView(state, id), 201);
}

function updateTicket(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const id = idParam(ctx);
  const current = state.tickets.get(id);
  if (!current) throw notFound('ticket');
  const body = bodyObject(ctx);
  validateTicketBody(state, body, false);
  const patch: RecordData = {};
  for (const [key, value] of Object.entries(body)) {
    // Only the fields sent; the table merges them over the record's custom fields.
    if (key === 'custom_fields') patch.custom_fields = { ...(value as RecordData) };
    else if (key === 'description') setDescription(state, id, value);
    else if (!['name', 'email', 'phone', 'parent_id'].includes(key)) patch[key] = value;
  }
  if (typeof body.email === 'string')
    patch.requester_id = resolveRequester(state, { email: body.email, name: body.name });
  state.tickets.update(id, patch, state.now());
  return json(ticketView(state, id));
}

function viewTicket(ctx: RequestContext): RouteResult {
  const includes = parseIncludes(ctx.query.get('include'), TICKET_VIEW_INCLUDES);
  const view = ticketView(ctx.state, idParam(ctx), includes);
  if (!view) throw notFound('ticket');
  return json(view);
}

function deleteTicket(ctx: RequestContext): RouteResult {
  const id = idParam(ctx);
  const index = ctx.state.tickets.indexOf(id);
  if (index === undefined || !ctx.state.tickets.exists(id) || ctx.state.tickets.flags(index) & Flag.deleted) {
    throw notFound('ticket');
  }
  ctx.state.tickets.setFlags(id, Flag.deleted, 0, ctx.state.now());
  return noContent();
}

function restoreTicket(ctx: RequestContext): RouteResult {
  const id = idParam(ctx);
  const index = ctx.state.tickets.indexOf(id);
  if (
    index === undefined ||
    !ctx.state.tickets.exists(id) ||
    !(ctx.state.tickets.flags(index) & Flag.deleted)
  ) {
    throw notFound('deleted ticket');
  }
  ctx.state.tickets.setFlags(id, 0, Flag.deleted, ctx.state.now());
  return noContent();
}

function requireTicket(ctx: RequestContext): number {
  const id = idParam(ctx);
  if (!ctx.state.tickets.exists(id)) throw notFound('ticket');
  return id;
}

export const ticketRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/tickets', handler: listTickets, rateClass: 'ticketList', includeCosts: true },
  { method: 'POST', path: '/tickets', handler: createTicket, rateClass: 'ticketCreate' },
  // Archived tickets: the simulator archives nothing, so these answer 404 as for an unknown archived id.
  {
    method: 'GET',
    path: '/tickets/archived/:id',
    handler: () => {
      throw notFound('archived ticket');
    },
  },
  {
    method: 'GET',
    path: '/tickets/archived/:id/conversations',
    handler: () => {
      throw notFound('archived ticket');
    },
  },
  { method: 'GET', path: '/tickets/:id', handler: viewTicket, includeCosts: true },
  { method: 'PUT', path: '/tickets/:id', handler: updateTicket, rateClass: 'ticketUpdate' },
  { method: 'DELETE', path: '/tickets/:id', handler: deleteTicket },
  { method: 'PUT', path: '/tickets/:id/restore', handler: restoreTicket },
  {
    method: 'GET',
    path: '/tickets/:id/watchers',
    handler: (ctx) => json({ watcher_ids: [...(ctx.state.watchers.get(requireTicket(ctx)) ?? [])] }),
  },
  {
    method: 'POST',
    path: '/tickets/:id/watch',
    handler: (ctx) => {
      const id = requireTicket(ctx);
      const set = ctx.state.watchers.get(id) ?? new Set<number>();
      const userId =
        typeof (ctx.body as RecordData | undefined)?.user_id === 'number'
          ? ((ctx.body as RecordData).user_id as number)
          : IdBase.agent + 1;
      set.add(userId);
      ctx.state.watchers.set(id, set);
      return noContent();
    },
  },
  {
    method: 'PUT',
    path: '/tickets/:id/unwatch',
    handler: (ctx) => {
      ctx.state.watchers.get(requireTicket(ctx))?.delete(IdBase.agent + 1);
      return noContent();
    },
  },
];
