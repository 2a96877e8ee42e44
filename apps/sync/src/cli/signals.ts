import { RunInterrupted, type StopSignal } from '../config/errors.js';

/**
 * Runs `task` with a signal aborted on the first Ctrl-C (SIGINT) or SIGTERM: the run stops at the next
 * request, nothing half-done is committed, and the task's failure becomes a RunInterrupted (exit 130 or 143)
 * whatever error the abort surfaced as. A load already committing finishes whole; if the task then completes,
 * it completed. A second signal exits at once (the loader's commits are crash-safe).
 */
export async function withInterrupt<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: StopSignal): void => {
    if (controller.signal.aborted) process.exit(new RunInterrupted(name).exitCode);
    controller.abort(new RunInterrupted(name));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await task(controller.signal);
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (reason instanceof RunInterrupted) throw reason;
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
