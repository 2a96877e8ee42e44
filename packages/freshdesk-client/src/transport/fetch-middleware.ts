/** The fetch signature openapi-fetch calls. */
export type FetchLike = (request: Request) => Promise<Response>;

/** A cross-cutting concern around fetch (timeouts, rate limiting, retries), composable like openapi-fetch middleware. */
export type FetchMiddleware = (next: FetchLike) => FetchLike;

/** `compose(base, a, b)` calls `a` first, then `b`, then `base`. */
export function composeFetch(base: FetchLike, ...middleware: FetchMiddleware[]): FetchLike {
  return middleware.reduceRight<FetchLike>((next, wrap) => wrap(next), base);
}

/** Requests that are safe to send twice. POST is not: a lost response may hide a created ticket. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Method and path of a request for errors and events. Paths never carry credentials (auth is a header). */
export function describeRequest(request: Request): { method: string; path: string } {
  const url = new URL(request.url);
  return { method: request.method, path: `${url.pathname}${url.search}` };
}

/** Drops a body we will not read, so the connection can be reused. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
}
