/**
 * Runs `task` for every item with at most `limit` running at once. After the first failure no new task starts
 * and `onFailure` lets running ones stop early; the promise settles only when every started task has ended
 * (nothing keeps running in the background) and then rejects with the first error.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  onFailure: (error: unknown) => void = () => {},
): Promise<void> {
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        if (!failed) {
          failed = true;
          firstError = error;
          onFailure(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw firstError;
}
