import { type FetchMiddleware, isIdempotent } from './fetch-middleware.js';

export type BodyProblem = 'interrupted' | 'invalid-json';

/** One attempt whose body broke off or is not JSON; the retry middleware decides what the caller sees. */
export class ResponseBodyError extends Error {
  constructor(
    readonly problem: BodyProblem,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(
      problem === 'interrupted'
        ? `The connection broke while reading the HTTP ${status} response body`
        : `The HTTP ${status} response body was truncated or not valid JSON`,
      options,
    );
    this.name = 'ResponseBodyError';
  }
}

/** Statuses that carry no body by definition. */
const NO_BODY = new Set([204, 205, 304]);

function isJson(response: Response): boolean {
  return /[/+]json\b/i.test(response.headers.get('content-type') ?? '');
}

const utf8 = new TextDecoder();

/**
 * Reads the whole body of each idempotent request's answer inside the attempt, so a connection reset
 * mid-body or a truncated JSON body fails the attempt (and is retried) instead of failing later, outside the
 * retry loop, when openapi-fetch parses it. Hands on a fresh Response over the same bytes; a 2xx JSON body is
 * parsed once here and that value is what the Response's `json()` returns (with `Content-Length` set,
 * openapi-fetch reads `json()`), so pages are not decoded and parsed twice. Error answers are read but not
 * checked: their bodies are only used for messages and tolerate garbage.
 */
export function withBufferedBody(): FetchMiddleware {
  return (next) => async (request) => {
    const response = await next(request);
    if (!isIdempotent(request.method) || request.method === 'HEAD' || NO_BODY.has(response.status)) {
      return response;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (error) {
      throw new ResponseBodyError('interrupted', response.status, { cause: error });
    }
    let parsed: { value: unknown } | undefined;
    if (response.ok && isJson(response)) {
      if (bytes.byteLength === 0) {
        // Empty is only allowed when the server said it is empty.
        if (response.headers.get('content-length') !== '0') {
          throw new ResponseBodyError('invalid-json', response.status);
        }
      } else {
        try {
          parsed = { value: JSON.parse(utf8.decode(bytes)) };
        } catch {
          throw new ResponseBodyError('invalid-json', response.status);
        }
      }
    }
    const headers = new Headers(response.headers);
    // The body is the decoded bytes now: its length, without the transfer's encoding.
    headers.set('content-length', String(bytes.byteLength));
    headers.delete('content-encoding');
    const buffered = new Response(bytes.byteLength === 0 ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
    if (parsed) {
      const { value } = parsed;
      Object.defineProperty(buffered, 'json', { value: () => Promise.resolve(value) });
    }
    return buffered;
  };
}
