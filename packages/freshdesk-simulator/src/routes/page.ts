import type { RequestContext, RouteResult } from '../http/router.js';
import { nextLink, pageBounds, parsePaging } from '../pagination.js';

/**
 * One page of a list whose items are addressed by position; adds `Link` only when a next page exists.
 * With a `cacheKey` (which must change whenever the data does) the encoded page is kept and reused.
 */
export function listPage(
  ctx: RequestContext,
  total: number,
  jsonAt: (position: number) => string,
  cacheKey?: string,
): RouteResult {
  const paging = parsePaging(ctx.query);
  const { start, end, hasNext } = pageBounds(paging, total);
  const key = cacheKey === undefined ? undefined : `${cacheKey}|${paging.page}|${paging.perPage}`;
  let buffer = key === undefined ? undefined : ctx.state.pages.get(key);
  if (!buffer) {
    const parts: string[] = new Array(end - start);
    for (let i = start; i < end; i++) parts[i - start] = jsonAt(i);
    buffer = Buffer.from(`[${parts.join(',')}]`);
    if (key !== undefined) ctx.state.pages.set(key, buffer);
  }
  return hasNext
    ? { status: 200, buffer, headers: { Link: nextLink(ctx.url, paging.page) } }
    : { status: 200, buffer };
}

/** A page of an in-memory array of records. */
export function arrayPage(ctx: RequestContext, records: readonly unknown[]): RouteResult {
  return listPage(ctx, records.length, (i) => JSON.stringify(records[i]));
}
