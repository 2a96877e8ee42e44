import { parseTimestamp } from '../clock.js';
import { invalidValue, validationFailed } from '../http/api-error.js';
import type { RequestContext, RouteResult } from '../http/router.js';
import { parsePaging } from '../pagination.js';
import { findContactByEmail, findContactsBy } from '../store/contact-lookup.js';
import { Flag } from '../store/record-table.js';
import type { SimulatorState } from '../store/state.js';
import { TICKET_LIST_INCLUDES, ticketJsonWithIncludes } from '../store/ticket-json.js';
import { listPage } from './page.js';

const DAY = 86_400;
const FILTERS = ['new_and_my_open', 'watching', 'spam', 'deleted'] as const;
const ORDER_BY = ['created_at', 'due_by', 'updated_at', 'status'] as const;
export const MAX_TICKET_PAGE = 300;

/** Freshdesk's exact body for page > 300 on the ticket list. */
export const PAGE_CAP_BODY = {
  description: 'Validation failed',
  errors: [
    {
      field: 'page',
      message: 'You cannot access tickets beyond the 300th page. Please provide a smaller page number.',
      code: 'invalid_value',
    },
  ],
};

interface TicketQuery {
  filter?: (typeof FILTERS)[number];
  requesterIds?: Set<number>;
  companyId?: number;
  updatedSince?: number;
  createdSince?: number;
  orderBy: (typeof ORDER_BY)[number];
  desc: boolean;
}

function oneOf<T extends string>(field: string, value: string | null, allowed: readonly T[]): T | undefined {
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidValue(field, `It should be one of these values: '${allowed.join(',')}'`);
  }
  return value as T;
}

function integer(field: string, value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw invalidValue(field, 'It should be a/an Positive Integer');
  return Number(value);
}

function parseQuery(ctx: RequestContext): TicketQuery {
  const q = ctx.query;
  const state = ctx.state;
  const filter = oneOf('filter', q.get('filter'), FILTERS);
  const orderBy = oneOf('order_by', q.get('order_by'), ORDER_BY) ?? 'created_at';
  const desc = (oneOf('order_type', q.get('order_type'), ['asc', 'desc'] as const) ?? 'desc') === 'desc';
  let updatedSince: number | undefined;
  const rawSince = q.get('updated_since');
  if (rawSince !== null && rawSince !== '') {
    updatedSince = parseTimestamp(rawSince);
    if (updatedSince === undefined) {
      throw invalidValue(
        'updated_since',
        "It should be in the 'valid date-time' format (e.g. 2024-01-31T10:00:00Z)",
      );
    }
  }
  let requesterIds: Set<number> | undefined;
  const requesterId = integer('requester_id', q.get('requester_id'));
  if (requesterId !== undefined) requesterIds = new Set([requesterId]);
  const email = q.get('email');
  if (email) {
    const id = findContactByEmail(state, email);
    requesterIds = new Set(id === undefined ? [] : [id]);
  }
  const externalId = q.get('unique_external_id');
  if (externalId) requesterIds = findContactsBy(state, 'unique_external_id', externalId);
  const companyId = integer('company_id', q.get('company_id'));
  const result: TicketQuery = { orderBy, desc };
  if (filter) result.filter = filter;
  if (requesterIds) result.requesterIds = requesterIds;
  if (companyId !== undefined) result.companyId = companyId;
  // Without updated_since Freshdesk lists only tickets created in the last 30 days.
  if (updatedSince !== undefined) result.updatedSince = updatedSince;
  else result.createdSince = state.now() - 30 * DAY;
  return result;
}

function viewKey(query: TicketQuery, version: number): string {
  return JSON.stringify({
    ...query,
    requesterIds: query.requesterIds ? [...query.requesterIds] : null,
    version,
  });
}

/** Indices of matching tickets in list order. Cheap typed-array checks run before any record is generated. */
function computeView(state: SimulatorState, query: TicketQuery): Uint32Array {
  const table = state.tickets;
  const needsRecord =
    query.requesterIds !== undefined || query.companyId !== undefined || query.filter === 'new_and_my_open';
  const watched = query.filter === 'watching' ? watchedBy(state, state.world.agentId(0)) : undefined;
  const wantFlag = query.filter === 'deleted' ? Flag.deleted : query.filter === 'spam' ? Flag.spam : 0;
  const matches = (index: number): boolean => {
    const flags = table.flags(index);
    if (flags & Flag.gone) return false;
    if (wantFlag) {
      if (!(flags & wantFlag)) return false;
    } else if (flags & (Flag.deleted | Flag.spam)) return false;
    if (query.updatedSince !== undefined && table.updatedAt(index) < query.updatedSince) return false;
    if (query.createdSince !== undefined && table.createdAt(index) < query.createdSince) return false;
    if (watched && !watched.has(table.idAt(index))) return false;
    if (!needsRecord) return true;
    const record = table.get(table.idAt(index));
    if (!record) return false;
    if (query.requesterIds && !query.requesterIds.has(record.requester_id as number)) return false;
    if (query.companyId !== undefined && record.company_id !== query.companyId) return false;
    if (query.filter === 'new_and_my_open' && record.status !== 2) return false;
    return true;
  };

  const out: number[] = [];
  if (query.orderBy === 'updated_at') {
    const order = table.sortedByUpdated();
    for (const index of order) if (matches(index)) out.push(index);
  } else {
    // created_at grows with the id, so index order is creation order.
    for (let index = 0; index < table.size; index++) if (matches(index)) out.push(index);
    if (query.orderBy === 'due_by' || query.orderBy === 'status') {
      const keys = new Map<number, number>();
      for (const index of out) {
        const record = table.get(table.idAt(index));
        const value = record?.[query.orderBy];
        keys.set(
          index,
          typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : 0,
        );
      }
      out.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || a - b);
    }
  }
  if (query.desc) out.reverse();
  return Uint32Array.from(out);
}

function watchedBy(state: SimulatorState, agentId: number): Set<number> {
  const out = new Set<number>();
  for (const [ticketId, watchers] of state.watchers) if (watchers.has(agentId)) out.add(ticketId);
  return out;
}

export function parseIncludes(raw: string | null, allowed: readonly string[]): string[] {
  if (!raw) return [];
  const includes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = includes.filter((i) => !allowed.includes(i));
  if (bad.length > 0) {
    throw validationFailed({
      field: 'include',
      message: `It should be one of these values: '${allowed.join(',')}'`,
      code: 'invalid_value',
    });
  }
  return [...new Set(includes)];
}

export function listTickets(ctx: RequestContext): RouteResult {
  const paging = parsePaging(ctx.query);
  if (paging.page > MAX_TICKET_PAGE) throw validationFailed(...PAGE_CAP_BODY.errors);
  const includes = parseIncludes(ctx.query.get('include'), TICKET_LIST_INCLUDES);
  const query = parseQuery(ctx);
  const state = ctx.state;
  const key = `tickets:${viewKey(query, state.tickets.dataVersion)}`;
  const view = state.views.getOrCompute(key, () => computeView(state, query));
  // Embedded requesters and companies change with those tables, so their versions are part of the page key.
  const pageKey = `${key}|${includes.join(',')}|${state.contacts.dataVersion}|${state.companies.dataVersion}|${state.childVersion}`;
  return listPage(
    ctx,
    view.length,
    (position) => ticketJsonWithIncludes(state, state.tickets.idAt(view[position] ?? 0), includes),
    pageKey,
  );
}
