import { parseTimestamp } from '../clock.js';
import { invalidValue, validationFailed } from '../http/api-error.js';
import type { RequestContext, RouteResult } from '../http/router.js';
import { parsePaging } from '../pagination.js';
import { findContactByEmail, findContactsBy } from '../store/contact-lookup.js';
import {
  edgePositions,
  positionsBefore,
  type RecentWindow,
  recentWindow,
  withoutPositions,
} from '../store/recent-window.js';
import { Flag } from '../store/record-table.js';
import { lowerBound } from '../store/sorted-search.js';
import type { SimulatorState } from '../store/state.js';
import { TICKET_LIST_INCLUDES, ticketJsonWithIncludes } from '../store/ticket-json.js';
import type { TicketView } from '../store/ticket-view.js';
import { listPage } from './page.js';

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
  /** Start of the cached view's created window: the minute of the exact 30-day boundary (see recent-window). */
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

function parseQuery(ctx: RequestContext): { query: TicketQuery; recent: RecentWindow | undefined } {
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
  if (updatedSince !== undefined) {
    result.updatedSince = updatedSince;
    return { query: result, recent: undefined };
  }
  const recent = recentWindow(state.now());
  result.createdSince = recent.bucket;
  return { query: result, recent };
}

function viewKey(query: TicketQuery, version: number): string {
  return JSON.stringify({
    ...query,
    requesterIds: query.requesterIds ? [...query.requesterIds] : null,
    version,
  });
}

/** Indices of matching tickets in list order. Cheap typed-array checks run before any record is generated. */
function computeView(state: SimulatorState, query: TicketQuery): TicketView {
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
    for (const index of table.sortedByUpdated()) if (matches(index)) out.push(index);
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
  const indices = Uint32Array.from(out);
  const edge =
    query.createdSince === undefined
      ? undefined
      : edgePositions(indices, (i) => table.createdAt(i), query.createdSince);
  return { indices, edge };
}

/**
 * An `updated_since` window ordered by updated_at: the part of the whole ordered list at or after
 * updated_since (inclusive, as Freshdesk treats it), found by binary search. A listing past the 300-page cap
 * opens a new window for every page or few; each then costs O(log n), not a scan of every ticket.
 */
function updatedSinceWindow(
  state: SimulatorState,
  query: TicketQuery & { updatedSince: number },
): { indices: Uint32Array; key: string } {
  const { updatedSince, ...whole } = query;
  const table = state.tickets;
  const key = `tickets:${viewKey(whole, table.dataVersion)}`;
  const all = state.ticketViews.getOrCompute(key, () => computeView(state, whole)).indices;
  const n = all.length;
  // Ascending lists keep the tail from the first match; descending ones (the reverse order) the head.
  const indices = query.desc
    ? all.subarray(0, n - lowerBound(n, (p) => table.updatedAt(all[n - 1 - p] ?? 0), updatedSince))
    : all.subarray(lowerBound(n, (p) => table.updatedAt(all[p] ?? 0), updatedSince));
  return { indices, key: `${key}|since=${updatedSince}` };
}

/** The visible tickets of a cached view: those of its first minute created before the exact window drop out. */
function visibleIndices(
  state: SimulatorState,
  key: string,
  view: TicketView,
  recent: RecentWindow | undefined,
): { indices: Uint32Array; key: string } {
  if (!recent || !view.edge) return { indices: view.indices, key };
  const table = state.tickets;
  const hidden = positionsBefore(view.indices, view.edge, (i) => table.createdAt(i), recent.since);
  if (hidden.length === 0) return { indices: view.indices, key };
  // Within a minute the hidden set only grows, so its size identifies it.
  const trimmedKey = `${key}|hidden=${hidden.length}`;
  const indices = state.ticketViews.getOrCompute(trimmedKey, () => ({
    indices: withoutPositions(view.indices, hidden),
    edge: undefined,
  })).indices;
  return { indices, key: trimmedKey };
}

/** The tickets a list query shows, in list order, and a key that changes whenever they do. */
function ticketView(
  state: SimulatorState,
  query: TicketQuery,
  recent: RecentWindow | undefined,
): { indices: Uint32Array; key: string } {
  const { updatedSince } = query;
  if (query.orderBy === 'updated_at' && updatedSince !== undefined)
    return updatedSinceWindow(state, { ...query, updatedSince });
  const key = `tickets:${viewKey(query, state.tickets.dataVersion)}`;
  const cached = state.ticketViews.getOrCompute(key, () => computeView(state, query));
  return visibleIndices(state, key, cached, recent);
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
  const { query, recent } = parseQuery(ctx);
  const state = ctx.state;
  const { indices: view, key } = ticketView(state, query, recent);
  // Embedded requesters and companies change with those tables, so their versions are part of the page key.
  const pageKey = `${key}|${includes.join(',')}|${state.contacts.dataVersion}|${state.companies.dataVersion}|${state.childVersion}`;
  return listPage(
    ctx,
    view.length,
    (position) => ticketJsonWithIncludes(state, state.tickets.idAt(view[position] ?? 0), includes),
    pageKey,
  );
}
