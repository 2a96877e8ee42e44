import type { FetchLike } from '@sluice/freshdesk-client';

/**
 * The fetch under the Freshdesk client, counting every HTTP request it sends (retries included) for the run
 * summary: request cost is what an operator pays for against the account's rate limit.
 */
export function countingFetch(base: FetchLike, onRequest: (request: Request) => void): FetchLike {
  return (request) => {
    onRequest(request);
    return base(request);
  };
}
