import type { FreshdeskEventListener } from '../events.js';
import type { RateLimiter } from '../rate-limiter.js';
import { estimateCredits } from '../request-cost.js';
import { describeRequest, type FetchMiddleware } from './fetch-middleware.js';

/**
 * Waits for the limiter before each attempt, charging the credits the request is expected to cost, and settles
 * the grant with the response, so the limiter counts what Freshdesk reports.
 */
export function withRateLimit(limiter: RateLimiter, emit: FreshdeskEventListener): FetchMiddleware {
  return (next) => async (request) => {
    const facts = describeRequest(request);
    const grant = await limiter.acquire({
      signal: request.signal,
      cost: estimateCredits(request.method, new URL(request.url)),
      onWait: (ms, reason) => emit({ type: 'wait', reason, ms, ...facts }),
    });
    let response: Response;
    try {
      response = await next(request);
    } catch (error) {
      // The request may have reached Freshdesk: it keeps its estimated cost for a minute from now.
      grant.settle();
      throw error;
    }
    const snapshot = grant.settle(response);
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
