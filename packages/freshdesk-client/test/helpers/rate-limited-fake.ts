import type { ServerResponse } from 'node:http';
import { type RecordedRequest, sendJson } from './server.js';

export interface RateLimitedFake {
  handler: (req: RecordedRequest, res: ServerResponse) => void;
  stats: { ok: number; limited: number };
}

/**
 * A Freshdesk-like account budget: `budget` requests per fixed window of `windowMs` real milliseconds, which the
 * client sees as one minute through a clock scaled by 60_000 / windowMs. Past the budget: 429 with Retry-After
 * in (scaled) seconds. `foreignUse` simulates another process spending part of the account's budget. Serves
 * /contacts (or /tickets) as `pages` pages of 3 items linked with rel="next".
 */
export function rateLimitedContacts(options: {
  budget: number;
  windowMs: number;
  pages: number;
  origin: () => string;
  /** Requests another process of the same account spends at the start of every window. */
  foreignUse?: number;
  /** The first window starts already spent, so the first requests are refused. */
  startExhausted?: boolean;
  /** The list served, `/contacts` by default; `/tickets` charges 2 more credits per `include`, as Freshdesk does. */
  path?: '/contacts' | '/tickets';
}) {
  const path = options.path ?? '/contacts';
  const stats = { ok: 0, limited: 0 };
  const scale = 60_000 / options.windowMs;
  let windowStart = Date.now();
  let used = options.startExhausted ? options.budget : (options.foreignUse ?? 0);
  const handler = (req: RecordedRequest, res: ServerResponse): void => {
    const now = Date.now();
    if (now - windowStart >= options.windowMs) {
      windowStart += Math.floor((now - windowStart) / options.windowMs) * options.windowMs;
      used = options.foreignUse ?? 0;
    }
    const include = req.url.searchParams.get('include');
    const cost = path === '/tickets' && include ? 1 + 2 * include.split(',').length : 1;
    const headers = { 'X-RateLimit-Total': options.budget };
    if (used > 0 && used + cost > options.budget) {
      stats.limited += 1;
      const retryAfter = Math.max(1, Math.ceil(((windowStart + options.windowMs - now) * scale) / 1000));
      sendJson(
        res,
        429,
        { message: 'You have exceeded the limit of requests per minute' },
        {
          ...headers,
          'X-RateLimit-Remaining': Math.max(0, options.budget - used),
          'X-RateLimit-Used-CurrentRequest': 0,
          'Retry-After': retryAfter,
        },
      );
      return;
    }
    used += cost;
    stats.ok += 1;
    const page = Number(req.url.searchParams.get('page') ?? '1');
    const caller = req.url.searchParams.get('company_id') ?? '0';
    const items = [0, 1, 2].map((i) => ({
      id: Number(caller) * 10_000 + page * 10 + i,
      name: `c${page}-${i}`,
    }));
    const link: Record<string, string> =
      page < options.pages
        ? {
            Link: `<${options.origin()}/api/v2${path}?company_id=${caller}&per_page=3${include ? `&include=${include}` : ''}&page=${page + 1}>; rel="next"`,
          }
        : {};
    sendJson(res, 200, items, {
      ...headers,
      'X-RateLimit-Remaining': Math.max(0, options.budget - used),
      'X-RateLimit-Used-CurrentRequest': cost,
      ...link,
    });
  };
  return { handler, stats };
}
