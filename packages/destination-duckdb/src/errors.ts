/** Why a DuckDB database could not be opened. */
export type DuckDbOpenFailure = 'locked' | 'unwritable' | 'not_a_database' | 'other';

/** Opening the database file failed; `reason` tells the cases apart, the message says what to do. */
export class DuckDbOpenError extends Error {
  override readonly name = 'DuckDbOpenError';
  readonly reason: DuckDbOpenFailure;
  readonly path: string;
  /** The process holding the lock, when DuckDB names it. */
  readonly pid?: number;

  constructor(
    message: string,
    details: { reason: DuckDbOpenFailure; path: string; pid?: number; cause: unknown },
  ) {
    super(message, { cause: details.cause });
    this.reason = details.reason;
    this.path = details.path;
    if (details.pid !== undefined) this.pid = details.pid;
  }
}

const LOCK_PATTERN = /Could not set lock on file .*?Conflicting lock is held in (.*?) \(PID (\d+)\)/s;
const UNWRITABLE_PATTERN =
  /(?:Cannot open|Could not read from) (?:database|file)[^:]*: (No such file or directory|Permission denied|Read-only file system|Is a directory)/i;
const NOT_A_DATABASE_PATTERN =
  /not a valid DuckDB database file|older development version|created by a newer version/i;

/** Turns DuckDB's open failure into an error that says what happened, why and what to do. */
export function describeOpenError(path: string, error: unknown): DuckDbOpenError {
  const message = error instanceof Error ? error.message : String(error);
  const lock = LOCK_PATTERN.exec(message);
  if (lock || /Could not set lock/i.test(message)) {
    const program = lock?.[1];
    const pid = lock?.[2] ? Number(lock[2]) : undefined;
    const holder = pid === undefined ? 'another process' : `another process (PID ${pid}, ${program})`;
    return new DuckDbOpenError(
      `Cannot open DuckDB database "${path}": the file is locked by ${holder}. ` +
        'DuckDB lets only one process open a database file for writing, so this process cannot use it while ' +
        'the other one (another sync, the DuckDB CLI, a notebook) has it open. ' +
        'Wait for that process to finish or close it, then retry.',
      { reason: 'locked', path, ...(pid === undefined ? {} : { pid }), cause: error },
    );
  }
  const unwritable = UNWRITABLE_PATTERN.exec(message);
  if (unwritable) {
    return new DuckDbOpenError(
      `Cannot open DuckDB database "${path}": ${unwritable[1]?.toLowerCase()}. ` +
        'DuckDB creates the file if it is missing, but its directory must exist and be writable. ' +
        'Create the directory, fix its permissions, or pass another path (or ":memory:").',
      { reason: 'unwritable', path, cause: error },
    );
  }
  if (NOT_A_DATABASE_PATTERN.test(message)) {
    return new DuckDbOpenError(
      `Cannot open DuckDB database "${path}": the file exists but is not a database this DuckDB can open ` +
        `(${message}). Nothing was changed in it. Pass the path of a DuckDB database or of a new file.`,
      { reason: 'not_a_database', path, cause: error },
    );
  }
  return new DuckDbOpenError(`Cannot open DuckDB database "${path}": ${message}`, {
    reason: 'other',
    path,
    cause: error,
  });
}
