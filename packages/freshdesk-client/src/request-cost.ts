/** Ticket list and ticket view: the endpoints where Freshdesk charges for `include`. */
const INCLUDE_PRICED = /\/tickets(?:\/\d+)?\/?$/;
/** Credits Freshdesk adds per embedded resource (`include=stats,requester` costs 1 + 2 × 2). */
export const CREDITS_PER_INCLUDE = 2;

/**
 * The credits a request is expected to cost before it is sent, so concurrent callers do not overspend the
 * budget while the answers that report the real cost (`X-RateLimit-Used-CurrentRequest`) are in flight.
 */
export function estimateCredits(method: string, url: URL): number {
  if (method.toUpperCase() !== 'GET' || !INCLUDE_PRICED.test(url.pathname)) return 1;
  const include = url.searchParams.get('include');
  if (!include) return 1;
  const embedded = new Set(
    include
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
  return 1 + CREDITS_PER_INCLUDE * embedded.size;
}
