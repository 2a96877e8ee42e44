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
/** 128 + the signal number, as shells report a process stopped by Ctrl-C (SIGINT 2) or SIGTERM (15). */
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The run stopped early on Ctrl-C or SIGTERM. Exit code 130 or 143. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
  readonly exitCode: number;
  constructor(readonly signalName: StopSignal) {
    super(
      `Interrupted by ${signalName} before the run finished. Nothing partial was committed (a load is committed` +
        ' whole or not at all). Run the same command again: it resumes where this run stopped.',
    );
    this.exitCode = signalName === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM;
  }
}
