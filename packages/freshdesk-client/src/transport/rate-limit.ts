import type { FreshdeskEventListener } from '../events.js';
import type { RateLimiter } from '../rate-limiter.js';
import { describeRequest, type FetchMiddleware } from './fetch-middleware.js';

/** Waits for the limiter before each attempt and feeds every response's rate-limit headers back into it. */
export function withRateLimit(limiter: RateLimiter, emit: FreshdeskEventListener): FetchMiddleware {
  return (next) => async (request) => {
    const facts = describeRequest(request);
    await limiter.acquire({
      signal: request.signal,
      onWait: (ms, reason) => emit({ type: 'wait', reason, ms, ...facts }),
    });
    const response = await next(request);
    const snapshot = limiter.observe(response);
    const used = response.headers.get('x-ratelimit-used-currentrequest');
    emit({
      type: 'rate-limit',
      ...snapshot,
      usedByRequest: used === null || Number.isNaN(Number(used)) ? undefined : Number(used),
      ...facts,
    });
    return response;
  };
}
