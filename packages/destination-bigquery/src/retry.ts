import { type ErrorContext, toDestinationError } from './errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Delay before the first retry, in ms. Default 1000. */
  readonly initialDelayMs?: number;
  /** Upper bound of one delay, in ms. Default 32000. */
  readonly maxDelayMs?: number;
  /** Growth of the delay per attempt. Default 2. */
  readonly multiplier?: number;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = {
    maxAttempts: options.maxAttempts ?? 6,
    initialDelayMs: options.initialDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 32_000,
    multiplier: options.multiplier ?? 2,
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry.maxAttempts must be an integer >= 1, got ${policy.maxAttempts}.`);
  }
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < 0 || policy.multiplier < 1) {
    throw new Error('retry delays must be >= 0 and retry.multiplier >= 1.');
  }
  return policy;
}

/** "Full jitter" backoff: a random delay up to the exponential bound, so many clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const bound = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** retry);
  return Math.floor(random() * bound);
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs, or attempts run out. Errors come out as
 * {@link BigQueryDestinationError} with the operation named. `attempt` gets the 0-based attempt number, so
 * callers can give each try of a job a fresh id.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  context: ErrorContext,
  attempt: (attemptNumber: number) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (signal?.aborted) throw error;
      const wrapped = toDestinationError(error, context, n + 1);
      if (!wrapped.retryable || n + 1 >= policy.maxAttempts) {
        throw wrapped;
      }
      await sleep(backoffDelay(policy, n), signal);
    }
  }
}
