import { isoSeconds, parseTimestamp } from '../clock.js';
import { escapeHtml } from '../data/text.js';
import { invalidValue, notFound } from '../http/api-error.js';
import {
  bodyObject,
  idParam,
  json,
  noContent,
  type RequestContext,
  type RouteDefinition,
  type RouteResult,
} from '../http/router.js';
import { recentWindow } from '../store/recent-window.js';
import type { RecordData } from '../store/record-table.js';
import { lowerBound } from '../store/sorted-search.js';
import type { SimulatorState } from '../store/state.js';
import {
  conversationsOf,
  mayHaveTimeEntries,
  ratingOf,
  ticketOfConversation,
  ticketOfTimeEntry,
  timeEntriesOf,
} from '../store/ticket-children.js';
import { arrayPage, listPage } from './page.js';
import { BodyValidator } from './validate.js';

function requireTicket(ctx: RequestContext): number {
  const id = idParam(ctx);
  if (!ctx.state.tickets.exists(id)) throw notFound('ticket');
  return id;
}

function addConversation(ctx: RequestContext, kind: 'reply' | 'note'): RouteResult {
  const state = ctx.state;
  const ticketId = requireTicket(ctx);
  const body = bodyObject(ctx);
  new BodyValidator(body)
    .allowOnly(
      kind === 'reply'
        ? ['body', 'from_email', 'user_id', 'cc_emails', 'bcc_emails']
        : ['body', 'incoming', 'private', 'user_id', 'notify_emails'],
    )
    .require('body')
    .string('body')
    .integer('user_id')
    .done();
  const ticket = state.tickets.get(ticketId) as RecordData;
  const now = state.now();
  const text = String(body.body).replace(/<[^>]*>/g, '');
  const conversation: RecordData = {
    body: String(body.body).startsWith('<') ? body.body : `<div>${escapeHtml(String(body.body))}</div>`,
    body_text: text,
    id: state.allocateConversationId(),
    incoming: kind === 'note' ? body.incoming === true : false,
    private: kind === 'note' ? body.private !== false : false,
    user_id: typeof body.user_id === 'number' ? body.user_id : state.world.agentId(0),
    support_email: kind === 'reply' ? (ticket.support_email ?? null) : null,
    source: kind === 'note' ? 2 : 0,
    category: kind === 'note' ? 2 : 3,
    ticket_id: ticketId,
    to_emails: kind === 'reply' ? [`requester-${String(ticket.requester_id)}@example.com`] : null,
    from_email: kind === 'reply' ? (body.from_email ?? ticket.support_email ?? null) : null,
    cc_emails: body.cc_emails ?? [],
    bcc_emails: body.bcc_emails ?? [],
    attachments: [],
    auto_response: false,
    source_additional_info: null,
    last_edited_at: null,
    last_edited_user_id: null,
    created_at: isoSeconds(now),
    updated_at: isoSeconds(now),
  };
  const list = state.addedConversations.get(ticketId) ?? [];
  list.push(conversation);
  state.addedConversations.set(ticketId, list);
  state.childVersion++;
  // A reply or note updates the ticket, so incremental syncs pick up the new conversation.
  state.tickets.update(ticketId, {}, now);
  return json(conversation, 201);
}

function requireConversation(
  state: SimulatorState,
  id: number,
): { ticketId: number; conversation: RecordData } {
  const ticketId = ticketOfConversation(state, id);
  const conversation =
    ticketId === undefined ? undefined : conversationsOf(state, ticketId).find((c) => c.id === id);
  if (ticketId === undefined || !conversation) throw notFound('conversation');
  return { ticketId, conversation };
}

function updateConversation(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const id = idParam(ctx);
  const { ticketId, conversation } = requireConversation(state, id);
  const body = bodyObject(ctx);
  new BodyValidator(body).allowOnly(['body']).require('body').string('body').done();
  const now = state.now();
  const edit: RecordData = {
    ...(state.conversationEdits.get(id) ?? {}),
    body: body.body,
    body_text: String(body.body).replace(/<[^>]*>/g, ''),
    last_edited_at: isoSeconds(now),
    last_edited_user_id: state.world.agentId(0),
    updated_at: isoSeconds(now),
  };
  state.conversationEdits.set(id, edit);
  state.childVersion++;
  state.tickets.update(ticketId, {}, now);
  return json({ ...conversation, ...edit });
}

function deleteConversation(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const id = idParam(ctx);
  const { ticketId } = requireConversation(state, id);
  state.conversationEdits.set(id, null);
  state.childVersion++;
  state.tickets.update(ticketId, {}, state.now());
  return noContent();
}

const TIME_ENTRY_FIELDS = [
  'agent_id',
  'billable',
  'executed_at',
  'note',
  'start_time',
  'time_spent',
  'timer_running',
];

function validateTimeEntry(body: RecordData): void {
  const v = new BodyValidator(body)
    .allowOnly(TIME_ENTRY_FIELDS)
    .integer('agent_id')
    .string('note')
    .string('time_spent');
  if (typeof body.time_spent === 'string' && !/^\d{1,3}:\d{2}$/.test(body.time_spent)) {
    v.add({ field: 'time_spent', message: "It should be in the 'hh:mm' format", code: 'invalid_value' });
  }
  v.done();
}

function createTimeEntry(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const ticketId = requireTicket(ctx);
  const body = bodyObject(ctx);
  validateTimeEntry(body);
  const now = isoSeconds(state.now());
  const entry: RecordData = {
    billable: body.billable ?? true,
    note: body.note ?? null,
    timer_running: body.timer_running ?? false,
    id: state.allocateTimeEntryId(),
    agent_id: body.agent_id ?? state.world.agentId(0),
    ticket_id: ticketId,
    time_spent: body.time_spent ?? '00:00',
    executed_at: body.executed_at ?? now,
    start_time: body.start_time ?? now,
    created_at: now,
    updated_at: now,
  };
  const list = state.addedTimeEntries.get(ticketId) ?? [];
  list.push(entry);
  state.addedTimeEntries.set(ticketId, list);
  state.childVersion++;
  return json(entry, 201);
}

function requireTimeEntry(state: SimulatorState, id: number): RecordData {
  const ticketId = ticketOfTimeEntry(state, id);
  const entry = ticketId === undefined ? undefined : timeEntriesOf(state, ticketId).find((t) => t.id === id);
  if (!entry) throw notFound('time entry');
  return entry;
}

function dateParam(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (!raw) return undefined;
  const value = parseTimestamp(raw);
  if (value === undefined)
    throw invalidValue(name, "It should be in the 'valid date-time' format (e.g. 2024-01-31T10:00:00Z)");
  return value;
}

function listAllTimeEntries(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const q = ctx.query;
  const after = dateParam(ctx, 'executed_after');
  const before = dateParam(ctx, 'executed_before');
  const agentId = q.get('agent_id') ? Number(q.get('agent_id')) : undefined;
  const companyId = q.get('company_id') ? Number(q.get('company_id')) : undefined;
  const billable = q.get('billable');
  if (billable !== null && billable !== 'true' && billable !== 'false')
    throw invalidValue('billable', "It should be one of these values: 'true,false'");
  const key = JSON.stringify([
    'time_entries',
    after,
    before,
    agentId,
    companyId,
    billable,
    state.tickets.dataVersion,
    state.childVersion,
  ]);
  const entries = state.recordViews.getOrCompute(key, () => {
    const out: RecordData[] = [];
    for (let index = 0; index < state.tickets.size; index++) {
      const ticketId = state.tickets.idAt(index);
      if (!state.tickets.exists(ticketId) || !mayHaveTimeEntries(state, ticketId)) continue;
      if (companyId !== undefined && state.tickets.get(ticketId)?.company_id !== companyId) continue;
      for (const entry of timeEntriesOf(state, ticketId)) {
        const executed = Date.parse(String(entry.executed_at)) / 1000;
        if (after !== undefined && executed < after) continue;
        if (before !== undefined && executed >= before) continue;
        if (agentId !== undefined && entry.agent_id !== agentId) continue;
        if (billable !== null && entry.billable !== (billable === 'true')) continue;
        out.push(entry);
      }
    }
    return out;
  });
  return arrayPage(ctx, entries);
}

function listAllRatings(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  // Without created_since Freshdesk lists only the last 30 days. That start moves every second, so the list
  // is built from the start's minute (a key stable for a minute) and cut at the exact second below.
  const createdSince = dateParam(ctx, 'created_since');
  const recent = createdSince === undefined ? recentWindow(state.now()) : undefined;
  const since = createdSince ?? recent?.since ?? 0;
  const from = recent?.bucket ?? since;
  const rawUser = ctx.query.get('user_id');
  const userId = rawUser ? Number(rawUser) : undefined;
  const key = JSON.stringify(['ratings', from, userId, state.tickets.dataVersion, state.ratingVersion]);
  const ratings = state.recordViews.getOrCompute(key, () => {
    const out: RecordData[] = [];
    for (let index = 0; index < state.tickets.size; index++) {
      const ticketId = state.tickets.idAt(index);
      if (!state.tickets.exists(ticketId)) continue;
      const rating = ratingOf(state, ticketId);
      if (!rating) continue;
      if (createdSeconds(rating) < from) continue;
      if (userId !== undefined && rating.user_id !== userId) continue;
      out.push(rating);
    }
    return out.sort(
      (a, b) =>
        String(a.created_at).localeCompare(String(b.created_at)) || (a.id as number) - (b.id as number),
    );
  });
  // Sorted by created_at, so the ratings of the window's first minute before the exact start lead the list.
  const first = lowerBound(ratings.length, (i) => createdSeconds(ratings[i] as RecordData), since);
  return listPage(ctx, ratings.length - first, (i) => JSON.stringify(ratings[first + i]));
}

function createdSeconds(record: RecordData): number {
  return Date.parse(String(record.created_at)) / 1000;
}

export const conversationRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/tickets/:id/conversations',
    handler: (ctx) => arrayPage(ctx, conversationsOf(ctx.state, requireTicket(ctx))),
  },
  { method: 'POST', path: '/tickets/:id/reply', handler: (ctx) => addConversation(ctx, 'reply') },
  { method: 'POST', path: '/tickets/:id/notes', handler: (ctx) => addConversation(ctx, 'note') },
  { method: 'PUT', path: '/conversations/:id', handler: updateConversation },
  { method: 'DELETE', path: '/conversations/:id', handler: deleteConversation },
  {
    method: 'GET',
    path: '/tickets/:id/time_entries',
    handler: (ctx) => arrayPage(ctx, timeEntriesOf(ctx.state, requireTicket(ctx))),
  },
  { method: 'POST', path: '/tickets/:id/time_entries', handler: createTimeEntry },
  { method: 'GET', path: '/time_entries', handler: listAllTimeEntries },
  {
    method: 'PUT',
    path: '/time_entries/:id',
    handler: (ctx) => {
      const id = idParam(ctx);
      const entry = requireTimeEntry(ctx.state, id);
      const body = bodyObject(ctx);
      validateTimeEntry(body);
      const edit = {
        ...(ctx.state.timeEntryEdits.get(id) ?? {}),
        ...body,
        updated_at: isoSeconds(ctx.state.now()),
      };
      ctx.state.timeEntryEdits.set(id, edit);
      ctx.state.childVersion++;
      return json({ ...entry, ...edit });
    },
  },
  {
    method: 'DELETE',
    path: '/time_entries/:id',
    handler: (ctx) => {
      const id = idParam(ctx);
      requireTimeEntry(ctx.state, id);
      ctx.state.timeEntryEdits.set(id, null);
      ctx.state.childVersion++;
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/tickets/:id/satisfaction_ratings',
    handler: (ctx) => {
      const rating = ratingOf(ctx.state, requireTicket(ctx));
      return json(rating ? [rating] : []);
    },
  },
  { method: 'GET', path: '/surveys/satisfaction_ratings', handler: listAllRatings },
];
