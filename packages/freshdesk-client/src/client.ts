import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { assertApiKey, basicAuthorization, createRedactor } from './auth.js';
import { type Clock, systemClock } from './clock.js';
import { resolveBaseUrl, resolveDomain } from './domain.js';
import { createApiError, FreshdeskConfigError } from './errors.js';
import { createEmitter, type FreshdeskEventListener } from './events.js';
import type { paths } from './generated/freshdesk.gen.js';
import type { Ticket } from './models.js';
import { fetchItems, fetchPages } from './pagination/pages.js';
import {
  type SearchItem,
  type SearchOptions,
  type SearchPage,
  type SearchPath,
  type SearchResult,
  searchPages,
} from './pagination/search.js';
import { type ListTicketsByUpdatedAtOptions, listTicketsByUpdatedAt } from './pagination/ticket-windows.js';
import type {
  ListItem,
  ListPath,
  Page,
  PageFetcher,
  PageInfo,
  PaginateArgs,
  PaginateOptions,
} from './pagination/types.js';
import { type FreshdeskPlan, parseRetryAfter, RateLimiter } from './rate-limiter.js';
import { withBufferedBody } from './transport/buffered-body.js';
import { composeFetch, describeRequest, type FetchLike } from './transport/fetch-middleware.js';
import { withRateLimit } from './transport/rate-limit.js';
import { type RetryOptions, resolveRetryOptions, withRetry } from './transport/retry.js';
import { withTimeout } from './transport/timeout.js';
import { rememberError, unwrap } from './unwrap.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FreshdeskClientOptions {
  /** `acme`, `acme.freshdesk.com` or `https://acme.freshdesk.com`. Required unless `baseUrl` is given. */
  domain?: string;
  /** The agent's API key. Sent as Basic auth (`key:X`); never logged or put in errors. */
  apiKey: string;
  /** Overrides the URL built from `domain`, e.g. `http://127.0.0.1:8080/api/v2` for a local simulator. */
  baseUrl?: string;
  /** Freshdesk plan, for the default requests-per-minute budget. */
  plan?: FreshdeskPlan;
  /** Requests-per-minute budget; wins over `plan`. */
  requestsPerMinute?: number;
  /** A limiter shared with other clients of the same account; `plan`/`requestsPerMinute` are then ignored. */
  rateLimiter?: RateLimiter;
  /**
   * Per-attempt timeout: until the whole body is read (idempotent requests) or the response headers arrive
   * (POST). Default 30 s; 0 disables.
   */
  timeoutMs?: number;
  /** Retry policy, or `false` to never retry. */
  retry?: RetryOptions | false;
  /** fetch implementation. Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Throw FreshdeskApiError from GET/POST/PUT/DELETE on non-2xx instead of returning `{ error }`. Default false. */
  throwOnError?: boolean;
  /** Rate-limit budget, waits, retries, pages and search truncation, e.g. for a progress display. */
  onEvent?: FreshdeskEventListener;
  /** Time source for waits, backoff and the limiter (not timeouts); tests and simulations may pass a scaled clock. */
  clock?: Clock;
}

export interface FreshdeskClientExtras {
  /** The API base URL in use, e.g. `https://acme.freshdesk.com/api/v2`. */
  readonly baseUrl: string;
  /** The limiter this client waits on (shared when passed in the options). */
  readonly rateLimiter: RateLimiter;
  /** Every item of a list endpoint, across pages (follows `Link: rel="next"`). */
  paginate<P extends ListPath>(path: P, ...args: PaginateArgs<P>): AsyncGenerator<ListItem<P>>;
  /** The pages of a list endpoint, for progress displays and page-level processing. */
  paginatePages<P extends ListPath>(path: P, ...args: PaginateArgs<P>): AsyncGenerator<Page<ListItem<P>>>;
  /** Every ticket by `updated_at` ascending, past the 300-page cap (see README). */
  listTicketsByUpdatedAt(options?: ListTicketsByUpdatedAtOptions): AsyncGenerator<Ticket>;
  /** Every readable result of a search (at most 300; see `onTruncated`). */
  search<P extends SearchPath>(
    path: P,
    query: string,
    options?: SearchOptions,
  ): AsyncGenerator<SearchItem<P>>;
  /** The pages of a search, each with `total` and `truncated`. */
  searchPages<P extends SearchPath>(
    path: P,
    query: string,
    options?: SearchOptions,
  ): AsyncGenerator<SearchPage<SearchItem<P>>>;
  /** All readable results of a search at once, with `total` and `truncated`. */
  searchAll<P extends SearchPath>(
    path: P,
    query: string,
    options?: SearchOptions,
  ): Promise<SearchResult<SearchItem<P>>>;
}

/** The typed openapi-fetch client for Freshdesk v2 plus pagination, search and the shared rate limiter. */
export type FreshdeskClient = Client<paths> & FreshdeskClientExtras;

function authMiddleware(authorization: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      request.headers.set('Accept', 'application/json');
      return request;
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.clone().text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function errorMiddleware(throwOnError: boolean, clock: Clock): Middleware {
  return {
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
      const error = createApiError({
        ...describeRequest(request),
        status: response.status,
        statusText: response.statusText,
        body: await readJson(response),
        ...(retryAfterMs === undefined ? {} : { retryAfter: Math.ceil(retryAfterMs / 1000) }),
      });
      rememberError(response, error);
      if (throwOnError) throw error;
      return undefined;
    },
  };
}

function withPageEvents<O extends { onPage?: (info: PageInfo) => void }>(
  options: O,
  emit: FreshdeskEventListener,
): O {
  const { onPage } = options;
  return {
    ...options,
    onPage: (info: PageInfo) => {
      emit({ type: 'page', ...info });
      onPage?.(info);
    },
  };
}

/**
 * Creates a Freshdesk v2 client: the typed openapi-fetch client (GET/POST/PUT/DELETE with typed paths,
 * parameters and bodies) with rate limiting, retries, timeouts and typed errors, plus pagination helpers.
 */
export function createFreshdeskClient(options: FreshdeskClientOptions): FreshdeskClient {
  assertApiKey(options.apiKey);
  if (options.baseUrl === undefined && options.domain === undefined) {
    throw new FreshdeskConfigError(
      'Pass `domain` (e.g. "acme") or `baseUrl` (e.g. "http://127.0.0.1:8080/api/v2").',
    );
  }
  const domainUrl = options.domain === undefined ? undefined : resolveDomain(options.domain);
  const baseUrl = options.baseUrl === undefined ? (domainUrl as string) : resolveBaseUrl(options.baseUrl);
  const clock = options.clock ?? systemClock;
  const emit = createEmitter(options.onEvent);
  const redact = createRedactor(options.apiKey);
  const rateLimiter =
    options.rateLimiter ??
    new RateLimiter({
      clock,
      ...(options.plan === undefined ? {} : { plan: options.plan }),
      ...(options.requestsPerMinute === undefined ? {} : { requestsPerMinute: options.requestsPerMinute }),
    });
  const baseFetch: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const transport = composeFetch(
    baseFetch,
    withRetry(resolveRetryOptions(options.retry), { clock, emit, redact }),
    withRateLimit(rateLimiter, emit),
    // Real time, not `clock`: a timeout bounds a network wait, which a scaled clock does not speed up.
    withTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, systemClock),
    // Innermost, so a broken body fails the attempt inside the retry loop and within the attempt's timeout.
    withBufferedBody(),
  );

  const client = createClient<paths>({
    baseUrl,
    fetch: transport,
    // Freshdesk takes lists comma separated: include=stats,requester
    querySerializer: { array: { style: 'form', explode: false } },
  });
  client.use(
    authMiddleware(basicAuthorization(options.apiKey)),
    errorMiddleware(options.throwOnError ?? false, clock),
  );

  type LooseGet = (
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const get = client.GET as unknown as LooseGet;
  const fetcher: PageFetcher = async (request) => {
    const result = await get(request.path, {
      params: { path: request.pathParams, query: request.query },
      signal: request.signal,
      ...(request.rawQuery === undefined ? {} : { querySerializer: () => request.rawQuery }),
    });
    return { data: unwrap(result), response: result.response };
  };

  const listing = <P extends ListPath>(path: P, args: PaginateArgs<P>) => {
    const opts = withPageEvents((args[0] ?? {}) as PaginateOptions<P>, emit);
    const params = opts.params as
      | { path?: Record<string, unknown>; query?: Record<string, unknown> }
      | undefined;
    return { ...opts, path, pathParams: params?.path, query: params?.query };
  };

  const extras: FreshdeskClientExtras = {
    baseUrl,
    rateLimiter,
    paginate: (path, ...args) => fetchItems(fetcher, listing(path, args)),
    paginatePages: (path, ...args) => fetchPages(fetcher, listing(path, args)),
    listTicketsByUpdatedAt: (opts = {}) =>
      listTicketsByUpdatedAt(fetcher, {
        ...withPageEvents(opts, emit),
        onWindow: (info) => {
          emit({ type: 'ticket-window', ...info });
          opts.onWindow?.(info);
        },
      }),
    searchPages: (path, query, opts = {}) =>
      searchPages(fetcher, path, query, {
        ...opts,
        onTruncated: (info) => {
          emit({ type: 'search-truncated', ...info });
          opts.onTruncated?.(info);
        },
      }),
    async *search(path, query, opts) {
      for await (const page of extras.searchPages(path, query, opts)) yield* page.results;
    },
    async searchAll(path, query, opts) {
      const results: SearchItem<typeof path>[] = [];
      let total = 0;
      let truncated = false;
      for await (const page of extras.searchPages(path, query, opts)) {
        results.push(...page.results);
        total = page.total;
        truncated = page.truncated;
      }
      return { results, total, truncated };
    },
  };
  return Object.assign(client, extras);
}
