import type { RateClass } from './http/router.js';

export type Plan = 'trial' | 'growth' | 'pro' | 'enterprise';

export interface RateLimits {
  /** Credits per minute for the whole account. */
  total: number;
  /** Per-minute sub-limits of endpoint families (requests, not credits). */
  ticketList: number;
  contactList: number;
  ticketCreate: number;
  ticketUpdate: number;
}

/**
 * Freshdesk's per-minute limits by plan. Trial accounts document only the total; their sub-limits here are
 * an assumption (the Growth sub-limits, capped by the total).
 */
export const PLAN_LIMITS: Record<Plan, RateLimits> = {
  trial: { total: 50, ticketList: 20, contactList: 20, ticketCreate: 50, ticketUpdate: 50 },
  growth: { total: 200, ticketList: 20, contactList: 20, ticketCreate: 80, ticketUpdate: 80 },
  pro: { total: 400, ticketList: 100, contactList: 100, ticketCreate: 160, ticketUpdate: 160 },
  enterprise: { total: 700, ticketList: 200, contactList: 200, ticketCreate: 280, ticketUpdate: 280 },
};

export const PLANS = Object.keys(PLAN_LIMITS) as Plan[];

/** Scales a plan's limits to a different total, keeping the sub-limits' proportions. */
export function limitsFor(plan: Plan, requestsPerMinute?: number): RateLimits {
  const limits = PLAN_LIMITS[plan];
  if (requestsPerMinute === undefined) return limits;
  const factor = requestsPerMinute / limits.total;
  const scale = (n: number) => Math.max(1, Math.round(n * factor));
  return {
    total: requestsPerMinute,
    ticketList: scale(limits.ticketList),
    contactList: scale(limits.contactList),
    ticketCreate: scale(limits.ticketCreate),
    ticketUpdate: scale(limits.ticketUpdate),
  };
}

export interface RateDecision {
  allowed: boolean;
  total: number;
  remaining: number;
  /** Credits this request used (0 when refused). */
  used: number;
  /** Seconds until the window resets; set when refused. */
  retryAfter?: number;
}

/**
 * A fixed one-minute window per account, as Freshdesk counts. `timeScale` shrinks the minute (60 makes it a
 * second) so tests can exhaust and recover a budget quickly.
 */
export class RateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private usedCredits = 0;
  private readonly classCounts = new Map<RateClass, number>();

  constructor(
    readonly limits: RateLimits,
    private readonly timeScale = 1,
    private readonly nowMs: () => number = Date.now,
  ) {
    if (!(timeScale > 0)) throw new RangeError(`timeScale must be a positive number, got ${timeScale}`);
  }

  get windowMs(): number {
    return 60_000 / this.timeScale;
  }

  consume(credits: number, rateClass?: RateClass): RateDecision {
    const now = this.nowMs();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.usedCredits = 0;
      this.classCounts.clear();
    }
    const total = this.limits.total;
    const classCount = rateClass ? (this.classCounts.get(rateClass) ?? 0) : 0;
    const classLimit = rateClass ? this.limits[rateClass] : Number.POSITIVE_INFINITY;
    // A request dearer than a whole budget still passes in a fresh window, or it could never succeed.
    const overTotal = this.usedCredits > 0 && this.usedCredits + credits > total;
    if (overTotal || classCount >= classLimit) {
      return {
        allowed: false,
        total,
        remaining: Math.max(0, total - this.usedCredits),
        used: 0,
        retryAfter: this.retryAfterSeconds(now),
      };
    }
    this.usedCredits += credits;
    if (rateClass) this.classCounts.set(rateClass, classCount + 1);
    return { allowed: true, total, remaining: Math.max(0, total - this.usedCredits), used: credits };
  }

  /** Current budget without consuming (for responses that bypass the limiter, e.g. 401). */
  peek(): { total: number; remaining: number } {
    const fresh = this.nowMs() - this.windowStart >= this.windowMs;
    return {
      total: this.limits.total,
      remaining: fresh ? this.limits.total : Math.max(0, this.limits.total - this.usedCredits),
    };
  }

  /**
   * Seconds until the window resets, in simulated seconds: with timeScale 60 a wait of half a real second is
   * reported as 30, which a client using the same scaled clock (e.g. createScaledClock(60)) waits as 0.5 s.
   */
  retryAfterSeconds(now = this.nowMs()): number {
    return Math.max(1, Math.ceil(((this.windowStart + this.windowMs - now) * this.timeScale) / 1000));
  }
}
