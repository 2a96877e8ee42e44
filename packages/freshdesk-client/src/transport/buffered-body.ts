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

/** A 2xx JSON answer must parse; an empty one is only allowed when the server said it is empty. */
function validJson(text: string, response: Response): boolean {
  if (text === '') return NO_BODY.has(response.status) || response.headers.get('content-length') === '0';
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the whole body of each idempotent request's answer inside the attempt, so a connection reset
 * mid-body or a truncated JSON body fails the attempt (and is retried) instead of failing later, outside the
 * retry loop, when openapi-fetch parses it. Hands on a fresh Response built from the buffered text. Error
 * answers are read but not checked: their bodies are only used for messages and tolerate garbage.
 */
export function withBufferedBody(): FetchMiddleware {
  return (next) => async (request) => {
    const response = await next(request);
    if (!isIdempotent(request.method) || request.method === 'HEAD' || NO_BODY.has(response.status)) {
      return response;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new ResponseBodyError('interrupted', response.status, { cause: error });
    }
    if (response.ok && isJson(response) && !validJson(text, response)) {
      throw new ResponseBodyError('invalid-json', response.status);
    }
    return new Response(text === '' ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
