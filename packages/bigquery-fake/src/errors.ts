/** Google's `errors[].reason` values the fake emits (a subset of BigQuery's). */
export type BigQueryErrorReason =
  | 'invalid'
  | 'invalidQuery'
  | 'notFound'
  | 'duplicate'
  | 'accessDenied'
  | 'rateLimitExceeded'
  | 'quotaExceeded'
  | 'backendError'
  | 'internalError'
  | 'notImplemented'
  | 'stopped'
  | 'required'
  | 'resourceInUse'
  | 'authError';

/** One entry of Google's `errors[]` array, also used for job `status.errorResult`. */
export interface BigQueryErrorProto {
  reason: BigQueryErrorReason;
  message: string;
  domain?: string;
  location?: string;
  locationType?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
};

/** An error the fake reports in Google's JSON error format (and as job errors). */
export class BigQueryApiError extends Error {
  readonly httpStatus: number;
  readonly reason: BigQueryErrorReason;
  readonly errors: BigQueryErrorProto[];

  constructor(
    httpStatus: number,
    reason: BigQueryErrorReason,
    message: string,
    extra: BigQueryErrorProto[] = [],
  ) {
    super(message);
    this.name = 'BigQueryApiError';
    this.httpStatus = httpStatus;
    this.reason = reason;
    this.errors = [{ reason, message, domain: 'global' }, ...extra];
  }

  /** The `{"error": {...}}` body BigQuery sends with a non-2xx status. */
  toBody(): { error: { code: number; message: string; errors: BigQueryErrorProto[]; status: string } } {
    return {
      error: {
        code: this.httpStatus,
        message: this.message,
        errors: this.errors,
        status: STATUS_TEXT[this.httpStatus] ?? 'UNKNOWN',
      },
    };
  }

  /** The value for a failed job's `status.errorResult`. */
  toErrorResult(): BigQueryErrorProto {
    return { reason: this.reason, message: this.message };
  }
}

export const invalid = (message: string): BigQueryApiError => new BigQueryApiError(400, 'invalid', message);
export const invalidQuery = (message: string): BigQueryApiError =>
  new BigQueryApiError(400, 'invalidQuery', message);
export const notFound = (message: string): BigQueryApiError => new BigQueryApiError(404, 'notFound', message);
export const duplicate = (message: string): BigQueryApiError =>
  new BigQueryApiError(409, 'duplicate', message);

/** Converts anything thrown while serving a request into a BigQuery error (unknown errors become 500). */
export function toApiError(error: unknown): BigQueryApiError {
  if (error instanceof BigQueryApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BigQueryApiError(500, 'internalError', `Fake internal error: ${message}`);
}
