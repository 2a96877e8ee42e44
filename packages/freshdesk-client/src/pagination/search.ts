import type { paths } from '../generated/freshdesk.gen.js';
import type { PageFetcher } from './types.js';

/** Freshdesk's search API serves 30 results per page and at most 10 pages. */
export const SEARCH_PAGE_SIZE = 30;
export const SEARCH_MAX_PAGES = 10;
export const SEARCH_MAX_RESULTS = SEARCH_PAGE_SIZE * SEARCH_MAX_PAGES;

export type SearchPath = '/search/tickets' | '/search/contacts' | '/search/companies';

type SearchBody<P extends SearchPath> = paths[P]['get']['responses'][200]['content']['application/json'];
/** Result item of a search path, e.g. `Ticket` for `/search/tickets`. */
export type SearchItem<P extends SearchPath> = SearchBody<P>['results'][number];

export interface SearchTruncation {
  path: SearchPath;
  query: string;
  /** Matches in total. */
  total: number;
  /** Matches that can be read (300). */
  available: number;
}

export interface SearchOptions {
  signal?: AbortSignal;
  /** Called after each page. */
  onPage?: (info: { path: string; page: number; items: number; totalItems: number; total: number }) => void;
  /** Called once, before the first result, when the query matches more than 300 records. */
  onTruncated?: (info: SearchTruncation) => void;
}

export interface SearchPage<T> {
  results: T[];
  /** Page number, 1 to 10. */
  page: number;
  /** Matches in total, as reported by Freshdesk. */
  total: number;
  /** True when `total` exceeds what the 10-page cap lets us read. */
  truncated: boolean;
}

export interface SearchResult<T> {
  results: T[];
  total: number;
  truncated: boolean;
}

/** Freshdesk wants the query wrapped in double quotes: `"priority:3 AND status:2"`. */
export function quoteSearchQuery(query: string): string {
  const trimmed = query.trim();
  return /^".*"$/s.test(trimmed) ? trimmed : `"${trimmed}"`;
}

/** Pages of a search, up to the 10-page cap; `truncated` says when matches were left unread. */
export async function* searchPages<P extends SearchPath>(
  fetcher: PageFetcher,
  path: P,
  query: string,
  options: SearchOptions = {},
): AsyncGenerator<SearchPage<SearchItem<P>>> {
  const quoted = quoteSearchQuery(query);
  let totalItems = 0;
  for (let page = 1; page <= SEARCH_MAX_PAGES; page += 1) {
    const { data } = await fetcher({ path, query: { query: quoted, page }, signal: options.signal });
    const body = data as SearchBody<P>;
    const results = (body.results ?? []) as SearchItem<P>[];
    const total = body.total;
    const truncated = total > SEARCH_MAX_RESULTS;
    if (page === 1 && truncated) {
      options.onTruncated?.({ path, query: quoted, total, available: SEARCH_MAX_RESULTS });
    }
    totalItems += results.length;
    options.onPage?.({ path, page, items: results.length, totalItems, total });
    yield { results, page, total, truncated };
    if (results.length < SEARCH_PAGE_SIZE || page * SEARCH_PAGE_SIZE >= total) return;
  }
}
