/**
 * Runs `task` with a signal aborted on the first Ctrl-C (SIGINT) or SIGTERM: the run stops at the next
 * request and nothing half-done is committed. A second Ctrl-C exits at once.
 */
export async function withInterrupt<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(
      new Error(`Interrupted by ${name}: nothing of this run was committed; run again to continue.`),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await task(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
