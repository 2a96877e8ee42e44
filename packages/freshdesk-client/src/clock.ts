/**
 * Time source for the limiter, Retry-After waits and retry backoff; injectable so tests and simulations can run
 * faster. Per-attempt timeouts always use real time: they bound a network wait, which no clock speeds up.
 */
export interface Clock {
  /** Milliseconds since the epoch (or any fixed origin). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: abortableSleep,
};

/**
 * A clock that runs `factor` times faster than real time: `sleep(60_000)` takes 60 s / factor and `now()`
 * advances `factor` ms per real ms. Rate-limit windows, Retry-After waits and backoff all scale together,
 * which keeps simulations and tests fast without changing behaviour.
 */
export function createScaledClock(factor: number): Clock {
  if (!(factor > 0) || !Number.isFinite(factor)) {
    throw new RangeError(`Clock factor must be a positive finite number, got ${factor}.`);
  }
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms, signal) => abortableSleep(ms / factor, signal),
  };
}
