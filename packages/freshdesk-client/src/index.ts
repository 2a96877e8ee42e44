export { basicAuthorization } from './auth.js';
export {
  createFreshdeskClient,
  DEFAULT_TIMEOUT_MS,
  type FreshdeskClient,
  type FreshdeskClientExtras,
  type FreshdeskClientOptions,
} from './client.js';
export { type Clock, createScaledClock, systemClock } from './clock.js';
export { resolveBaseUrl, resolveDomain } from './domain.js';
export {
  FreshdeskApiError,
  type FreshdeskApiErrorInit,
  FreshdeskAuthenticationError,
  FreshdeskConfigError,
  FreshdeskConflictError,
  FreshdeskError,
  type FreshdeskErrorDetail,
  type FreshdeskErrorKind,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskPaginationError,
  FreshdeskPermissionError,
  FreshdeskRateLimitError,
  FreshdeskResponseBodyError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
  FreshdeskValidationError,
} from './errors.js';
export type { FreshdeskEvent, FreshdeskEventListener } from './events.js';
export type { components, operations, paths } from './generated/freshdesk.gen.js';
export { LIST_ENDPOINTS } from './generated/list-endpoints.gen.js';
export type * from './models.js';
export { parseNextLink } from './pagination/link-header.js';
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './pagination/pages.js';
export {
  quoteSearchQuery,
  SEARCH_MAX_PAGES,
  SEARCH_MAX_RESULTS,
  SEARCH_PAGE_SIZE,
  type SearchItem,
  type SearchOptions,
  type SearchPage,
  type SearchPath,
  type SearchResult,
  type SearchTruncation,
} from './pagination/search.js';
export {
  formatUpdatedSince,
  type ListTicketsByUpdatedAtOptions,
  TICKET_PAGE_CAP,
  type TicketWindowInfo,
} from './pagination/ticket-windows.js';
export type {
  ListItem,
  ListPath,
  ListPathParams,
  ListQuery,
  Page,
  PageInfo,
  PageOptions,
  PaginateArgs,
  PaginateOptions,
} from './pagination/types.js';
export {
  type AcquireOptions,
  DEFAULT_REQUESTS_PER_MINUTE,
  type FreshdeskPlan,
  PLAN_REQUESTS_PER_MINUTE,
  parseRetryAfter,
  RateLimiter,
  type RateLimiterEvent,
  type RateLimiterOptions,
  type RateLimitGrant,
  type RateLimitSnapshot,
  type RateLimitWaitReason,
} from './rate-limiter.js';
export { CREDITS_PER_INCLUDE, estimateCredits } from './request-cost.js';
export type { FetchLike, FetchMiddleware } from './transport/fetch-middleware.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry.js';
export { unwrap } from './unwrap.js';
