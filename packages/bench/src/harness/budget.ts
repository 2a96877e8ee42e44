import type { RequestLog } from './request-log.js';

/** How much of a per-minute budget a run used, away from its first and last minute. */
export interface BudgetUse {
  /** Credits charged per steady-state minute divided by the budget per minute. */
  readonly share: number;
  /** 429 responses in the steady state. */
  readonly steady429: number;
  /** 429 responses over the whole run, warm-up and tail included. */
  readonly total429: number;
  /** Length of the steady-state span in (simulated) minutes. */
  readonly steadyMinutes: number;
  readonly requests: number;
}

/**
 * Steady state is the run without its first and last minute: the first may spend a fresh budget in a burst,
 * the last is cut short when the data runs out. `minuteMs` is the real length of a simulated minute.
 */
export function budgetUse(log: RequestLog, budgetPerMinute: number, minuteMs: number): BudgetUse {
  const first = log.at[0] ?? 0;
  const last = log.at[log.at.length - 1] ?? 0;
  const from = first + minuteMs;
  const to = last - minuteMs;
  let credits = 0;
  let steady429 = 0;
  let total429 = 0;
  for (let i = 0; i < log.at.length; i++) {
    const at = log.at[i] ?? 0;
    const status = log.status[i];
    if (status === 429) total429++;
    if (at < from || at > to) continue;
    if (status === 429) steady429++;
    else credits += log.credits[i] ?? 1;
  }
  const steadyMinutes = Math.max(0, (to - from) / minuteMs);
  return {
    share: steadyMinutes > 0 ? credits / (budgetPerMinute * steadyMinutes) : 0,
    steady429,
    total429,
    steadyMinutes,
    requests: log.at.length,
  };
}
