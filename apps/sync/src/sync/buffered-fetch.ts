import type { FetchLike } from '@sluice/freshdesk-client';

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The innermost fetch of the Freshdesk client: reads each body completely and checks that JSON bodies parse.
 * A connection reset mid-body or a truncated JSON body then fails inside the client's retry loop (as a network
 * error, retried with backoff) instead of surfacing later as a broken page.
 */
export function bufferedFetch(base: FetchLike, onRequest?: (request: Request) => void): FetchLike {
  return async (request) => {
    onRequest?.(request);
    const response = await base(request);
    const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
    const type = response.headers.get('content-type') ?? '';
    if (body && body.byteLength > 0 && type.includes('json')) {
      try {
        JSON.parse(new TextDecoder().decode(body));
      } catch {
        const url = new URL(request.url);
        throw new TypeError(
          `Incomplete or malformed JSON from ${request.method} ${url.pathname} (HTTP ${response.status}).`,
        );
      }
    }
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
