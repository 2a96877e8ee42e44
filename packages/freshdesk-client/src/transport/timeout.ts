import type { Clock } from '../clock.js';
import type { FetchMiddleware } from './fetch-middleware.js';

/** Thrown by one attempt that ran out of time; the retry middleware decides what the caller sees. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Attempt timed out after ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

/**
 * Aborts each attempt after `timeoutMs`: until the inner middleware returns, i.e. the buffered body for
 * idempotent requests, the headers otherwise. The caller's own signal still wins.
 */
export function withTimeout(timeoutMs: number, clock: Clock): FetchMiddleware {
  return (next) => async (request) => {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return next(request);
    const outer = request.signal;
    const controller = new AbortController();
    const timeout = new AttemptTimeoutError(timeoutMs);
    const onAbort = () => controller.abort(outer.reason);
    if (outer.aborted) controller.abort(outer.reason);
    else outer.addEventListener('abort', onAbort, { once: true });
    const timer = new AbortController();
    clock.sleep(timeoutMs, timer.signal).then(
      () => controller.abort(timeout),
      () => {
        // Cancelled because the attempt finished.
      },
    );
    try {
      return await next(new Request(request, { signal: controller.signal }));
    } catch (error) {
      if (!outer.aborted && controller.signal.reason === timeout) throw timeout;
      throw error;
    } finally {
      timer.abort();
      outer.removeEventListener('abort', onAbort);
    }
  };
}
