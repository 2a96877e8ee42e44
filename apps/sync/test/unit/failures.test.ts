import { FreshdeskResponseBodyError } from '@sluice/freshdesk-client';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/sync/failures.js';

describe('describeFailure', () => {
  it('says a broken answer body is a network or proxy problem and that a rerun resumes', () => {
    const failure = describeFailure(
      new FreshdeskResponseBodyError({
        method: 'GET',
        path: '/api/v2/tickets?page=2',
        status: 200,
        attempts: 4,
        problem: 'invalid-json',
      }),
    );
    expect(failure.exitCode).toBe(1);
    expect(failure.message).toMatch(
      /^Freshdesk GET \/api\/v2\/tickets\?page=2: the answer was truncated or not valid JSON on all 4 attempts\. Check for a proxy .* rerun the same command/,
    );
  });
});
