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
  /**
   * Pages read before starting a new `updated_since` window. Default 1: every page starts at the last
   * `updated_at` seen, which keeps tickets updated during the listing from hiding others. Up to `pageCap`
   * (300) reads fewer overlapping rows but trusts page offsets to stay put.
   */
  pagesPerWindow?: number;
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
 * Each window lists `updated_since=<since>&order_by=updated_at&order_type=asc`, following `Link` for up to
 * `pagesPerWindow` pages; then (and always before page 301, or on the 400 Freshdesk gives for it) the next window
 * starts at the last `updated_at` seen. `updated_since` is inclusive, so a new window starts with tickets
 * already yielded; those are dropped by id. Nothing is skipped or repeated while the data stands still.
 *
 * Short windows (the default, one page) also survive tickets being updated during the listing: with page
 * offsets, a ticket already read that moves to the end shifts the rest forward by one and the first ticket of
 * the next page would never be seen. A ticket updated during the listing shows up again, with its new version.
 *
 * When more than `pageCap * perPage` tickets share one `updated_at` second no window can move past them: that
 * throws FreshdeskPaginationError instead of looping.
 */
export async function* listTicketsByUpdatedAt(
  fetcher: PageFetcher,
  options: ListTicketsByUpdatedAtOptions = {},
): AsyncGenerator<Ticket> {
  const pageCap = options.pageCap ?? TICKET_PAGE_CAP;
  const pagesPerWindow = options.pagesPerWindow ?? 1;
  if (!Number.isInteger(pagesPerWindow) || pagesPerWindow < 1 || pagesPerWindow > pageCap) {
    throw new FreshdeskConfigError(
      `pagesPerWindow must be an integer from 1 to ${pageCap}, got ${pagesPerWindow}.`,
    );
  }
  let since = formatUpdatedSince(options.updatedSince ?? new Date(0));
  // Tickets already yielded whose updated_at is the newest seen: the next window will list them again.
  let edgeAt = Number.NaN;
  let edgeRaw = '';
  let edgeIds = new Set<number>();
  let pagesSoFar = 0;
  let itemsSoFar = 0;
  for (let window = 1; ; window += 1) {
    options.onWindow?.({ window, updatedSince: since });
    const sinceAt = Date.parse(since);
    let advance = false;
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
      let pagesInWindow = 0;
      for await (const page of pages) {
        pagesSoFar += 1;
        pagesInWindow += 1;
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
        if (page.nextUrl === undefined) break;
        const windowFull = pagesInWindow >= pagesPerWindow && edgeAt > sinceAt;
        if (windowFull || pageNumberOf(page.nextUrl) > pageCap) {
          advance = true;
          break;
        }
      }
    } catch (error) {
      if (!isPageCapError(error)) throw error;
      advance = true;
    }
    if (!advance) return;
    if (!(edgeAt > sinceAt)) {
      throw new FreshdeskPaginationError(
        `More than ${pageCap} pages of tickets share updated_at ${since}: Freshdesk cannot page past them with ` +
          'updated_since. Narrow the listing with a filter (e.g. query.company_id or query.requester_id) or use the search API.',
      );
    }
    since = edgeRaw;
  }
}
