/** An error that becomes a Freshdesk-shaped error response. Thrown by route handlers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export interface FieldError {
  field?: string;
  message: string;
  code: string;
}

/** Freshdesk's 400 body: `{"description":"Validation failed","errors":[...]}`. */
export function validationFailed(...errors: FieldError[]): ApiError {
  return new ApiError(400, { description: 'Validation failed', errors });
}

export function invalidValue(field: string, message: string): ApiError {
  return validationFailed({ field, message, code: 'invalid_value' });
}

export function notFound(what = 'resource'): ApiError {
  return new ApiError(404, { code: 'not_found', message: `The requested ${what} was not found.` });
}

export function conflict(field: string, message: string): ApiError {
  return new ApiError(409, {
    description: 'Validation failed',
    errors: [{ field, message, code: 'duplicate_value' }],
  });
}

/** Freshdesk's 401 body for a missing or wrong API key. */
export const UNAUTHORIZED_BODY = {
  code: 'invalid_credentials',
  message: 'You have to be logged in to perform this action.',
} as const;
