/** Errors of a resource's own code name the resource (once, also through nested transformers). */
export async function named(resource: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof ResourceError || error instanceof RecordRejected) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ResourceError(resource, `Resource "${resource}" failed during extraction: ${message}`, error);
  }
}

/** A resource (or transformer) threw while producing records. Nothing of this run was loaded. */
export class ResourceError extends Error {
  override readonly name = 'ResourceError';
  constructor(
    readonly resource: string,
    message: string,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

/**
 * A record the resource yielded could not be normalized (it breaks a frozen contract, lacks its key): the
 * data's error, not the resource code's, so `extract` rethrows `error` as it is rather than as a ResourceError.
 */
export class RecordRejected extends Error {
  override readonly name = 'RecordRejected';
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
