import type { RateLimitSnapshot, RateLimitWaitReason } from './rate-limiter.js';

interface RequestRef {
  method: string;
  /** URL path and query of the request, e.g. `/api/v2/tickets?page=2`. Never contains credentials. */
  path: string;
}

/** Everything a progress display or log may want to show. Delivered through the `onEvent` option. */
export type FreshdeskEvent =
  | ({ type: 'rate-limit'; usedByRequest: number | undefined } & RateLimitSnapshot & RequestRef)
  | ({ type: 'wait'; reason: RateLimitWaitReason | 'backoff'; ms: number } & RequestRef)
  | ({
      type: 'retry';
      /** The attempt that failed, from 1. */
      attempt: number;
      /** `invalid-body`: a 2xx answer whose JSON body was truncated or malformed. */
      reason: 'network' | 'timeout' | 'server-error' | 'rate-limited' | 'invalid-body';
      status?: number;
    } & RequestRef)
  | {
      type: 'page';
      /** The list path, e.g. `/tickets`. */
      path: string;
      /** Pages fetched so far in this listing, from 1. */
      page: number;
      /** Items on this page. */
      items: number;
      /** Items so far in this listing. */
      totalItems: number;
    }
  | { type: 'ticket-window'; window: number; updatedSince: string }
  | { type: 'search-truncated'; path: string; query: string; total: number; available: number };

export type FreshdeskEventListener = (event: FreshdeskEvent) => void;

/** Wraps a listener so that its exceptions cannot break requests. */
export function createEmitter(listener: FreshdeskEventListener | undefined): FreshdeskEventListener {
  return (event) => {
    try {
      listener?.(event);
    } catch {
      // A broken progress display must not break requests.
    }
  };
}
