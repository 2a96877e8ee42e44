/** Bad usage: a flag, variable or config value is wrong or missing. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A run failed for a reason the user can act on; the message says what to do. Exit code 1. */
export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
