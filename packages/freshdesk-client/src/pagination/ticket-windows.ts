import { FreshdeskConfigError, FreshdeskPaginationError, FreshdeskValidationError } from '../errors.js';
import type { paths } from '../generated/freshdesk.gen.js';
import type { Ticket } from '../models.js';
import { fetchPages } from './pages.js';
import type { PageFetcher, PageOptions } from './types.js';

/** Freshdesk answers page 301 of the ticket list with a 400. */
export const TICKET_PAGE_CAP = 300;

type TicketListQuery = NonNullable<paths['/tickets']['get']['parameters']['query']>;

export interface TicketWindowInfo {
  /** Window number, from 1. */
  window: number;
  /** The `updated_since` this window starts at. */
  updatedSince: string;
}

export interface ListTicketsByUpdatedAtOptions extends PageOptions {
  /** First `updated_at` to list (inclusive). Default: the epoch, i.e. every ticket. */
  updatedSince?: string | Date;
  /** Embeds; each costs 2 extra API credits per page. */
  include?: TicketListQuery['include'];
  /** Further filters of GET /tickets (requester, company, deleted/spam filter...). */
  query?: Omit<
    TicketListQuery,
    'updated_since' | 'order_by' | 'order_type' | 'include' | 'page' | 'per_page'
  >;
  /** Pages Freshdesk serves per listing. Default 300; only lower it to test against a small fake. */
  pageCap?: number;
  /** Called when a new `updated_since` window starts (the first one too). */
  onWindow?: (info: TicketWindowInfo) => void;
}

/** Freshdesk wants `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUpdatedSince(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new FreshdeskConfigError(`updatedSince ${JSON.stringify(String(value))} is not a valid date.`);
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isPageCapError(error: unknown): boolean {
  return error instanceof FreshdeskValidationError && error.errors.some((e) => e.field === 'page');
}

function pageNumberOf(url: string): number {
  return Number(new URL(url).searchParams.get('page') ?? Number.NaN);
}

/**
 * Every ticket, ordered by `updated_at` ascending, past Freshdesk's 300-page cap.
 *
 * Each window lists `updated_since=<since>&order_by=updated_at&order_type=asc`. Before page 301 (or on the 400
 * Freshdesk gives for it) the next window starts at the last `updated_at` seen. `updated_since` is inclusive,
 * so the new window starts with tickets already yielded; those are dropped by id. Nothing is skipped or repeated
 * while the data stands still; a ticket updated during the listing shows up again later with its new version.
 *
 * A window that does not move forward (more than `pageCap * perPage` tickets share one `updated_at` second)
 * throws FreshdeskPaginationError instead of looping.
 */
export async function* listTicketsByUpdatedAt(
  fetcher: PageFetcher,
  options: ListTicketsByUpdatedAtOptions = {},
): AsyncGenerator<Ticket> {
  const pageCap = options.pageCap ?? TICKET_PAGE_CAP;
  let since = formatUpdatedSince(options.updatedSince ?? new Date(0));
  // Tickets already yielded whose updated_at is the newest seen: the next window will list them again.
  let edgeAt = Number.NaN;
  let edgeRaw = '';
  let edgeIds = new Set<number>();
  let pagesSoFar = 0;
  let itemsSoFar = 0;
  for (let window = 1; ; window += 1) {
    options.onWindow?.({ window, updatedSince: since });
    let capped = false;
    const pages = fetchPages<Ticket>(fetcher, {
      path: '/tickets',
      query: {
        ...options.query,
        ...(options.include ? { include: options.include } : {}),
        updated_since: since,
        order_by: 'updated_at',
        order_type: 'asc',
      },
      ...(options.perPage === undefined ? {} : { perPage: options.perPage }),
      signal: options.signal,
    });
    try {
      for await (const page of pages) {
        pagesSoFar += 1;
        let fresh = 0;
        for (const ticket of page.items) {
          const at = Date.parse(ticket.updated_at);
          if (at === edgeAt) {
            if (edgeIds.has(ticket.id)) continue;
            edgeIds.add(ticket.id);
          } else if (!(at < edgeAt)) {
            edgeAt = at;
            edgeRaw = ticket.updated_at;
            edgeIds = new Set([ticket.id]);
          }
          fresh += 1;
          yield ticket;
        }
        itemsSoFar += fresh;
        options.onPage?.({ path: '/tickets', page: pagesSoFar, items: fresh, totalItems: itemsSoFar });
        if (page.nextUrl !== undefined && pageNumberOf(page.nextUrl) > pageCap) {
          capped = true;
          break;
        }
      }
    } catch (error) {
      if (!isPageCapError(error)) throw error;
      capped = true;
    }
    if (!capped) return;
    if (Number.isNaN(edgeAt) || edgeAt <= Date.parse(since)) {
      throw new FreshdeskPaginationError(
        `More than ${pageCap} pages of tickets share updated_at ${since}: Freshdesk cannot page past them with ` +
          'updated_since. Narrow the listing with a filter (e.g. query.company_id or query.requester_id) or use the search API.',
      );
    }
    since = edgeRaw;
  }
}
