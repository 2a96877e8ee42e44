import { FreshdeskConfigError, FreshdeskPaginationError } from '../errors.js';
import { LIST_ENDPOINTS } from '../generated/list-endpoints.gen.js';
import { parseNextLink } from './link-header.js';
import type { Page, PageFetcher, PageOptions } from './types.js';

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 100;

export function checkPerPage(perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new FreshdeskConfigError(`perPage must be an integer from 1 to ${MAX_PER_PAGE}, got ${perPage}.`);
  }
  return perPage;
}

export interface PageListing extends PageOptions {
  path: string;
  pathParams?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
}

/**
 * Fetches a list page by page, following `Link: <...>; rel="next"` until a page has none. Freshdesk sends the
 * header only when there is a next page, so an empty or short page is not used as the end signal.
 */
export async function* fetchPages<T>(fetcher: PageFetcher, listing: PageListing): AsyncGenerator<Page<T>> {
  const perPage = checkPerPage(listing.perPage ?? DEFAULT_PER_PAGE);
  // Lists without page/per_page in the spec (fields, roles, SLA policies...) return everything at once; Freshdesk
  // may reject parameters an endpoint does not know, so none are added there.
  const paginated =
    (LIST_ENDPOINTS as Record<string, { paginated: boolean }>)[listing.path]?.paginated !== false;
  let rawQuery: string | undefined;
  let currentUrl: string | undefined;
  let page = 0;
  let totalItems = 0;
  for (;;) {
    const { data, response } = await fetcher({
      path: listing.path,
      pathParams: listing.pathParams,
      query:
        rawQuery === undefined
          ? { ...listing.query, ...(paginated ? { per_page: perPage } : {}) }
          : undefined,
      rawQuery,
      signal: listing.signal,
    });
    if (!Array.isArray(data)) {
      throw new FreshdeskPaginationError(
        `GET ${listing.path} returned ${data === null ? 'null' : typeof data} instead of a JSON array; it is not a list endpoint.`,
      );
    }
    page += 1;
    totalItems += data.length;
    const link = parseNextLink(response.headers.get('link'));
    const nextUrl = link === undefined ? undefined : new URL(link, response.url || 'http://invalid/').href;
    listing.onPage?.({ path: listing.path, page, items: data.length, totalItems });
    yield { items: data as T[], page, nextUrl, response };
    if (nextUrl === undefined) return;
    if (nextUrl === (currentUrl ?? response.url)) {
      throw new FreshdeskPaginationError(
        `GET ${listing.path}: the Link header points back at the current page (${nextUrl}); stopping to avoid an endless loop.`,
      );
    }
    currentUrl = nextUrl;
    rawQuery = new URL(nextUrl).search.slice(1);
  }
}

/** Every item of a list, across pages. */
export async function* fetchItems<T>(fetcher: PageFetcher, listing: PageListing): AsyncGenerator<T> {
  for await (const page of fetchPages<T>(fetcher, listing)) yield* page.items;
}
