import type { RequestContext, RouteResult } from '../http/router.js';
import { nextLink, pageBounds, parsePaging } from '../pagination.js';

/** One page of a list whose items are addressed by position; adds `Link` only when a next page exists. */
export function listPage(
  ctx: RequestContext,
  total: number,
  jsonAt: (position: number) => string,
): RouteResult {
  const paging = parsePaging(ctx.query);
  const { start, end, hasNext } = pageBounds(paging, total);
  const parts: string[] = new Array(end - start);
  for (let i = start; i < end; i++) parts[i - start] = jsonAt(i);
  const json = `[${parts.join(',')}]`;
  return hasNext
    ? { status: 200, json, headers: { Link: nextLink(ctx.url, paging.page) } }
    : { status: 200, json };
}

/** A page of an in-memory array of records. */
export function arrayPage(ctx: RequestContext, records: readonly unknown[]): RouteResult {
  return listPage(ctx, records.length, (i) => JSON.stringify(records[i]));
}
