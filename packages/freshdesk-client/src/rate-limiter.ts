import { type Clock, systemClock } from './clock.js';
import { CreditWindow, type WindowEntry } from './credit-window.js';
import { FreshdeskConfigError } from './errors.js';

/** Freshdesk plans and their documented account-wide API budgets (requests per minute). */
export const PLAN_REQUESTS_PER_MINUTE = {
  trial: 50,
  growth: 200,
  pro: 400,
  enterprise: 700,
} as const;

export type FreshdeskPlan = keyof typeof PLAN_REQUESTS_PER_MINUTE;

/** Budget used until the first response tells the real one, when neither plan nor requestsPerMinute is set. */
export const DEFAULT_REQUESTS_PER_MINUTE = PLAN_REQUESTS_PER_MINUTE.trial;

const WINDOW_MS = 60_000;
/** Pause after a 429 that carries no Retry-After (Freshdesk always sends one; other servers may not). */
const DEFAULT_RETRY_AFTER_MS = 5_000;

export type RateLimitWaitReason = 'budget' | 'low-remaining' | 'retry-after';

export interface RateLimitSnapshot {
  /** Credits per minute this limiter keeps under (a plain request costs 1; see `AcquireOptions.cost`). */
  limit: number;
  /** Credits of the requests counted in the current window: those in flight and those answered in the last minute. */
  usedInWindow: number;
  /**
   * Freshdesk's last `X-RateLimit-Remaining`, minus the credits of requests granted since; undefined before any
   * response.
   */
  remaining: number | undefined;
  /** Freshdesk's last `X-RateLimit-Total`; undefined before any response. */
  serverLimit: number | undefined;
  /** Clock time until which every request waits after a 429; 0 when not paused. */
  pausedUntil: number;
}

export type RateLimiterEvent =
  | { type: 'wait'; reason: RateLimitWaitReason; ms: number }
  | ({ type: 'budget' } & RateLimitSnapshot);

export interface RateLimiterOptions {
  /** Freshdesk plan; sets the default budget. */
  plan?: FreshdeskPlan;
  /** Explicit budget; wins over `plan`. Freshdesk's `X-RateLimit-Total` still lowers it when smaller. */
  requestsPerMinute?: number;
  /** When `X-RateLimit-Remaining` falls to this fraction of the limit, requests are spread evenly. Default 0.1. */
  lowWatermark?: number;
  clock?: Clock;
  /** Every wait and every budget update, for progress displays. Exceptions thrown here are ignored. */
  onEvent?: (event: RateLimiterEvent) => void;
}

export interface AcquireOptions {
  signal?: AbortSignal;
  /** Called before this caller starts waiting, with the wait and its reason. */
  onWait?: (ms: number, reason: RateLimitWaitReason) => void;
  /**
   * Credits the request is expected to cost (Freshdesk charges 2 more per `include`). Default 1. Corrected by
   * `X-RateLimit-Used-CurrentRequest` when the grant is settled with its response.
   */
  cost?: number;
}

/**
 * One granted request. Settle it with its response (or without one, when it failed before an answer): the
 * limiter then counts the credits Freshdesk reported and keeps them in the window for a minute from the
 * answer, a moment the server has certainly counted the request by. A grant never settled counts its
 * estimated cost for a minute from the grant.
 */
export interface RateLimitGrant {
  /** Credits counted for this request: the estimate until settled, then what the server reported. */
  readonly cost: number;
  settle(response?: { status: number; headers: Headers }): RateLimitSnapshot;
}

interface Waiter extends AcquireOptions {
  resolve: (grant: RateLimitGrant) => void;
  reject: (reason: unknown) => void;
  onAbort?: () => void;
}

function safely<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    fn?.(...args);
  } catch {
    // A broken progress display must not break requests.
  }
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** `Retry-After` in ms: delta-seconds or an HTTP date. Undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Keeps requests of one Freshdesk account under its per-minute budget. Share one instance between every client
 * of an account (pass it as `rateLimiter`): Freshdesk counts per account, not per connection.
 *
 * - a sliding one-minute window of credits (a request costs 1, plus 2 per `include` on tickets), capped by the
 *   plan/explicit budget and by the server's `X-RateLimit-Total`. A request stays in the window while in flight
 *   and for a minute after its answer, so network delay cannot push two windows' worth into one server minute;
 * - when `X-RateLimit-Remaining` gets low (other processes may use the same account), requests are spaced
 *   evenly instead of spending the rest in a burst;
 * - after a 429 every caller waits out `Retry-After`, so concurrent callers do not retry into a 429 storm.
 *
 * Callers are served first come, first served.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #configured: number | undefined;
  readonly #lowWatermark: number;
  readonly #onEvent: ((event: RateLimiterEvent) => void) | undefined;
  #serverLimit: number | undefined;
  #remaining: number | undefined;
  #pausedUntil = 0;
  #lastGrant = Number.NEGATIVE_INFINITY;
  #lastCost = 1;
  readonly #window = new CreditWindow(WINDOW_MS);
  readonly #waiters: Waiter[] = [];
  #pumping = false;
  #wake: AbortController | undefined;

  constructor(options: RateLimiterOptions = {}) {
    const { plan, requestsPerMinute } = options;
    if (plan !== undefined && !(plan in PLAN_REQUESTS_PER_MINUTE)) {
      throw new FreshdeskConfigError(
        `Unknown Freshdesk plan ${JSON.stringify(plan)}: expected one of ${Object.keys(PLAN_REQUESTS_PER_MINUTE).join(', ')}, or pass requestsPerMinute.`,
      );
    }
    if (requestsPerMinute !== undefined && !(Number.isFinite(requestsPerMinute) && requestsPerMinute >= 1)) {
      throw new FreshdeskConfigError(`requestsPerMinute must be a number >= 1, got ${requestsPerMinute}.`);
    }
    const lowWatermark = options.lowWatermark ?? 0.1;
    if (!(lowWatermark >= 0 && lowWatermark < 1)) {
      throw new FreshdeskConfigError(`lowWatermark must be a fraction in [0, 1), got ${lowWatermark}.`);
    }
    this.#configured = requestsPerMinute ?? (plan === undefined ? undefined : PLAN_REQUESTS_PER_MINUTE[plan]);
    this.#lowWatermark = lowWatermark;
    this.#clock = options.clock ?? systemClock;
    this.#onEvent = options.onEvent;
  }

  /** The budget in force: the configured one (or the server's, when none was configured), capped by the server's. */
  get limit(): number {
    const base = this.#configured ?? this.#serverLimit ?? DEFAULT_REQUESTS_PER_MINUTE;
    return Math.max(1, Math.min(base, this.#serverLimit ?? Number.POSITIVE_INFINITY));
  }

  snapshot(): RateLimitSnapshot {
    const now = this.#clock.now();
    this.#window.prune(now);
    return {
      limit: this.limit,
      usedInWindow: this.#window.used,
      remaining: this.#remaining,
      serverLimit: this.#serverLimit,
      pausedUntil: this.#pausedUntil > now ? this.#pausedUntil : 0,
    };
  }

  /**
   * Resolves with a grant when the caller may send one request; settle the grant with the response. Rejects
   * with the signal's reason when it aborts.
   */
  acquire(options: AcquireOptions = {}): Promise<RateLimitGrant> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (options.cost !== undefined && !(Number.isFinite(options.cost) && options.cost >= 0)) {
      return Promise.reject(new FreshdeskConfigError(`cost must be a number >= 0, got ${options.cost}.`));
    }
    return new Promise<RateLimitGrant>((resolve, reject) => {
      const waiter: Waiter = { ...options, resolve, reject };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.#waiters.indexOf(waiter);
          if (index < 0) return;
          this.#waiters.splice(index, 1);
          reject(signal.reason);
          this.#wake?.abort();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
      void this.#pump();
    });
  }

  /** Feeds a response's rate-limit headers (and a 429's Retry-After) back into the limiter. */
  observe(response: { status: number; headers: Headers }): RateLimitSnapshot {
    const total = intHeader(response.headers, 'x-ratelimit-total');
    if (total !== undefined && total > 0) this.#serverLimit = total;
    const remaining = intHeader(response.headers, 'x-ratelimit-remaining');
    // Requests still in flight may not be in the server's count yet: keep them as headroom.
    if (remaining !== undefined) this.#remaining = remaining - this.#window.inFlight;
    if (response.status === 429) {
      const now = this.#clock.now();
      this.pause(parseRetryAfter(response.headers.get('retry-after'), now) ?? DEFAULT_RETRY_AFTER_MS);
      this.#remaining = 0;
    }
    const snapshot = this.snapshot();
    safely(this.#onEvent, { type: 'budget', ...snapshot });
    return snapshot;
  }

  /** Holds every caller for `ms` (used for 429 Retry-After). Never shortens an existing pause. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + Math.max(0, ms));
  }

  #settle(grant: WindowEntry, response?: { status: number; headers: Headers }): RateLimitSnapshot {
    const used = response && intHeader(response.headers, 'x-ratelimit-used-currentrequest');
    this.#window.settle(grant, this.#clock.now(), used !== undefined && used >= 0 ? used : undefined);
    const snapshot = response ? this.observe(response) : this.snapshot();
    // A settled grant may free budget sooner or later than the pump expected: let it recompute.
    this.#wake?.abort();
    return snapshot;
  }

  #delay(now: number, cost: number): { ms: number; reason: RateLimitWaitReason } {
    if (now < this.#pausedUntil) return { ms: this.#pausedUntil - now, reason: 'retry-after' };
    this.#window.prune(now);
    const limit = this.limit;
    const used = this.#window.used;
    // A request dearer than the whole budget still goes when the window is empty, or it never could.
    if (used > 0 && used + cost > limit) {
      return { ms: this.#window.untilFreed(used + cost - limit, now), reason: 'budget' };
    }
    if (this.#remaining !== undefined && this.#remaining <= Math.floor(limit * this.#lowWatermark)) {
      const ms = this.#lastGrant + (WINDOW_MS * this.#lastCost) / limit - now;
      if (ms > 0) return { ms, reason: 'low-remaining' };
    }
    return { ms: 0, reason: 'budget' };
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#waiters.length > 0) {
        const now = this.#clock.now();
        const head = this.#waiters[0] as Waiter;
        const cost = head.cost ?? 1;
        const { ms, reason } = this.#delay(now, cost);
        if (ms <= 0) {
          this.#waiters.shift();
          if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
          const record = this.#window.grant(cost, now);
          this.#lastGrant = now;
          this.#lastCost = Math.max(1, cost);
          if (this.#remaining !== undefined) this.#remaining -= cost;
          head.resolve({
            get cost() {
              return record.cost;
            },
            settle: (response) => this.#settle(record, response),
          });
          continue;
        }
        safely(head.onWait, ms, reason);
        safely(this.#onEvent, { type: 'wait', reason, ms });
        const wake = new AbortController();
        this.#wake = wake;
        await this.#clock.sleep(ms, wake.signal).catch(() => {
          // Woken early because a waiter left the queue or a grant was settled; recompute.
        });
        this.#wake = undefined;
      }
    } finally {
      this.#pumping = false;
    }
  }
}
