import { describe, expect, it } from 'vitest';
import { BigQueryDestinationError } from '../../src/errors.js';
import { backoffDelay, retryPolicy, withRetry } from '../../src/retry.js';

const context = { operation: 'running a query', projectId: 'proj' };
const fast = retryPolicy({ maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 2 });
const googleError = (code: number, reason: string) =>
  Object.assign(new Error(reason), { code, errors: [{ reason, message: reason }] });

describe('withRetry', () => {
  it('retries rate limits and backend errors, then succeeds', async () => {
    const failures = [googleError(403, 'rateLimitExceeded'), googleError(500, 'backendError')];
    const attempts: number[] = [];
    const result = await withRetry(fast, context, async (n) => {
      attempts.push(n);
      const failure = failures.shift();
      if (failure) throw failure;
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('gives up after maxAttempts with a classified error that counts the attempts', async () => {
    let calls = 0;
    const error = await withRetry(fast, context, async () => {
      calls++;
      throw googleError(503, 'backendError');
    }).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    expect((error as BigQueryDestinationError).message).toContain('after 4 attempts');
  });

  it('does not retry what a retry cannot fix', async () => {
    let calls = 0;
    const error = await withRetry(fast, context, async () => {
      calls++;
      throw googleError(403, 'quotaExceeded');
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect((error as BigQueryDestinationError).kind).toBe('quota_exceeded');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const policy = retryPolicy({ initialDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelay(policy, 0, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, () => 0.999)).toBe(799);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 10, () => 0)).toBe(0);
  });

  it('rejects a policy without attempts', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});
