import { invalidValue } from './http/api-error.js';

export interface Paging {
  page: number;
  perPage: number;
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

function positiveInt(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw.trim())) return Number.NaN;
  return Number(raw);
}

/** Reads `page` and `per_page` as Freshdesk does: defaults 1 and 30, per_page at most 100, 400 otherwise. */
export function parsePaging(query: URLSearchParams, maxPerPage = MAX_PER_PAGE): Paging {
  const page = positiveInt(query.get('page')) ?? 1;
  if (!Number.isSafeInteger(page) || page < 1) {
    throw invalidValue('page', 'It should be a Positive Integer');
  }
  const perPage = positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE;
  if (!Number.isSafeInteger(perPage) || perPage < 1 || perPage > maxPerPage) {
    throw invalidValue('per_page', `It should be a Positive Integer less than or equal to ${maxPerPage}`);
  }
  return { page, perPage };
}

/** The [start, end) window of a page over `total` items. */
export function pageBounds(paging: Paging, total: number): { start: number; end: number; hasNext: boolean } {
  const start = Math.min(total, (paging.page - 1) * paging.perPage);
  const end = Math.min(total, start + paging.perPage);
  return { start, end, hasNext: end < total };
}

/** Freshdesk's `Link` header: the absolute URL of the next page, with every other parameter kept. */
export function nextLink(requestUrl: URL, page: number): string {
  const next = new URL(requestUrl.href);
  next.searchParams.set('page', String(page + 1));
  return `<${next.href}>; rel="next"`;
}
