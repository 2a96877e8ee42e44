import { createApiError, type FreshdeskApiError } from './errors.js';

// Errors built by the client's error middleware, keyed by the response they describe.
const errorsByResponse = new WeakMap<Response, FreshdeskApiError>();

export function rememberError(response: Response, error: FreshdeskApiError): void {
  errorsByResponse.set(response, error);
}

export function errorFor(response: Response): FreshdeskApiError | undefined {
  return errorsByResponse.get(response);
}

/**
 * The data of an openapi-fetch result, or the matching FreshdeskApiError subclass thrown for a non-2xx answer:
 * `const ticket = unwrap(await client.GET('/tickets/{id}', { params: { path: { id } } }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { response } = result;
  if (response.ok) return result.data as T;
  throw (
    errorsByResponse.get(response) ??
    createApiError({
      method: 'HTTP',
      path: response.url ? new URL(response.url).pathname : '(unknown path)',
      status: response.status,
      statusText: response.statusText,
      body: result.error,
    })
  );
}
