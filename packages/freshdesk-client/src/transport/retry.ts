import type { Clock } from '../clock.js';
import {
  FreshdeskConfigError,
  FreshdeskNetworkError,
  FreshdeskResponseBodyError,
  FreshdeskTimeoutError,
  sanitizeError,
} from '../errors.js';
import type { FreshdeskEventListener } from '../events.js';
import { parseRetryAfter } from '../rate-limiter.js';
import { ResponseBodyError } from './buffered-body.js';
import { describeRequest, discardBody, type FetchMiddleware, isIdempotent } from './fetch-middleware.js';
import { AttemptTimeoutError } from './timeout.js';

export interface RetryOptions {
  /**
   * Attempts in total for network errors, timeouts, 5xx and broken or invalid JSON bodies on idempotent
   * requests. Default 4.
   */
  maxAttempts?: number;
  /** First backoff; doubles per failure, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single backoff. Default 20 s. */
  maxDelayMs?: number;
  /** No retry starts later than this after the first attempt. Default 120 s. */
  maxElapsedMs?: number;
  /** 429 answers waited out (Retry-After) and retried, for every method. Default 10. */
  maxRateLimitRetries?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxElapsedMs: 120_000,
  maxRateLimitRetries: 10,
};

export function resolveRetryOptions(retry: RetryOptions | false | undefined): ResolvedRetryOptions {
  if (retry === false) return { ...DEFAULT_RETRY, maxAttempts: 1, maxRateLimitRetries: 0 };
  const resolved = { ...DEFAULT_RETRY, ...retry };
  for (const [name, value] of Object.entries(resolved)) {
    const minimum = name === 'maxAttempts' ? 1 : 0;
    if (typeof value !== 'number' || Number.isNaN(value) || value < minimum) {
      throw new FreshdeskConfigError(`retry.${name} must be a number >= ${minimum}, got ${String(value)}.`);
    }
  }
  return resolved;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel callers spread out. */
export function backoffDelay(failures: number, options: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Retries what is safe to retry: network errors, timeouts, 5xx and broken bodies (see buffered-body.ts) for
 * idempotent methods, with bounded
 * attempts and total time; and 429 for every method (the request was refused, not processed), after the
 * rate limiter has waited out Retry-After. Aborting the request's signal stops everything at once.
 */
export function withRetry(
  options: ResolvedRetryOptions,
  deps: {
    clock: Clock;
    emit: FreshdeskEventListener;
    redact: (text: string) => string;
    random?: () => number;
  },
): FetchMiddleware {
  const random = deps.random ?? Math.random;
  return (next) => async (request) => {
    const facts = describeRequest(request);
    const idempotent = isIdempotent(request.method);
    const started = deps.clock.now();
    let failures = 0;
    let rateLimited = 0;
    let attempt = 0;

    const backoff = async (
      delay: number,
      reason: 'network' | 'timeout' | 'server-error' | 'invalid-body',
      status?: number,
    ) => {
      deps.emit({ type: 'retry', attempt, reason, ...(status === undefined ? {} : { status }), ...facts });
      deps.emit({ type: 'wait', reason: 'backoff', ms: delay, ...facts });
      await deps.clock.sleep(delay, request.signal);
    };
    const nextDelay = (minimum = 0): number | undefined => {
      if (!idempotent || failures + 1 >= options.maxAttempts) return undefined;
      const delay = Math.max(minimum, backoffDelay(failures + 1, options, random));
      return deps.clock.now() + delay - started > options.maxElapsedMs ? undefined : delay;
    };

    for (;;) {
      attempt += 1;
      let response: Response;
      try {
        response = await next(request.clone());
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        const timedOut = error instanceof AttemptTimeoutError;
        const bodyError = error instanceof ResponseBodyError ? error : undefined;
        const delay = nextDelay();
        if (delay !== undefined) {
          failures += 1;
          const reason = timedOut
            ? 'timeout'
            : bodyError?.problem === 'invalid-json'
              ? 'invalid-body'
              : 'network';
          await backoff(delay, reason, bodyError?.status);
          continue;
        }
        if (bodyError)
          throw new FreshdeskResponseBodyError({
            ...facts,
            status: bodyError.status,
            attempts: attempt,
            problem: bodyError.problem,
            ...(bodyError.cause === undefined ? {} : { cause: sanitizeError(bodyError.cause, deps.redact) }),
          });
        if (timedOut)
          throw new FreshdeskTimeoutError({ ...facts, timeoutMs: error.timeoutMs, attempts: attempt });
        throw new FreshdeskNetworkError({
          ...facts,
          attempts: attempt,
          cause: sanitizeError(error, deps.redact),
        });
      }
      if (response.status === 429 && rateLimited < options.maxRateLimitRetries) {
        // The limiter saw this 429 and holds every caller until Retry-After has passed.
        rateLimited += 1;
        await discardBody(response);
        deps.emit({ type: 'retry', attempt, reason: 'rate-limited', status: 429, ...facts });
        continue;
      }
      if (response.status >= 500) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), deps.clock.now()) ?? 0;
        const delay = nextDelay(retryAfter);
        if (delay !== undefined) {
          failures += 1;
          await discardBody(response);
          await backoff(delay, 'server-error', response.status);
          continue;
        }
      }
      return response;
    }
  };
}
