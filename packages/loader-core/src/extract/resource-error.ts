/** Errors of a resource's own code name the resource (once, also through nested transformers). */
export async function named(resource: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof ResourceError) throw error;
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
