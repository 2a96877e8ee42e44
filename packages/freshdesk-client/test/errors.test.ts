import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  createScaledClock,
  FreshdeskApiError,
  FreshdeskAuthenticationError,
  FreshdeskConflictError,
  type FreshdeskEvent,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskPermissionError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskValidationError,
  unwrap,
} from '../src/index.js';
import { API_KEY, AUTHORIZATION, sendJson, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BASE64_KEY = Buffer.from(`${API_KEY}:X`).toString('base64');

function expectNoSecret(value: unknown): void {
  const texts = [
    JSON.stringify(value),
    inspect(value, { depth: 10, showHidden: true }),
    String(value),
    value instanceof Error ? `${value.stack} ${inspect(value.cause, { depth: 10, showHidden: true })}` : '',
  ];
  for (const text of texts) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BASE64_KEY);
  }
}

const bodies: Record<number, unknown> = {
  400: {
    description: 'Validation failed',
    errors: [
      { field: 'priority', message: 'It should be one of these values: 1,2,3,4', code: 'invalid_value' },
    ],
  },
  401: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' },
  403: { code: 'access_denied', message: 'You are not authorized to perform this action.' },
  404: undefined,
  409: {
    description: 'Validation failed',
    errors: [{ field: 'email', message: 'It should be a unique value', code: 'duplicate_value' }],
  },
  500: { description: 'Internal error' },
};

async function errorServer(): Promise<TestServer> {
  return startServer((req, res) => {
    const status = Number(req.url.pathname.split('/').pop());
    if (req.url.pathname.startsWith('/api/v2/tickets/')) {
      return sendJson(res, status, bodies[status], status === 429 ? { 'Retry-After': '0' } : {});
    }
    return sendJson(res, 200, []);
  });
}

describe('error mapping', () => {
  it.each([
    [
      400,
      FreshdeskValidationError,
      'validation',
      /priority: It should be one of these values: 1,2,3,4 \(invalid_value\)/,
    ],
    [401, FreshdeskAuthenticationError, 'authentication', /perform this action\. Check the API key/],
    [403, FreshdeskPermissionError, 'permission', /lacks the permission/],
    [404, FreshdeskNotFoundError, 'not_found', /does not exist/],
    [409, FreshdeskConflictError, 'conflict', /email: It should be a unique value \(duplicate_value\)/],
    [500, FreshdeskServerError, 'server', /server error/],
  ] as const)('maps %i to %o', async (status, ErrorClass, kind, message) => {
    server = await errorServer();
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: false });
    const result = await fd.GET('/tickets/{id}', { params: { path: { id: status } } });
    expect(result.response.status).toBe(status);
    const error = (() => {
      try {
        unwrap(result);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(FreshdeskApiError);
    const apiError = error as FreshdeskApiError;
    expect(apiError.kind).toBe(kind);
    expect(apiError.status).toBe(status);
    expect(apiError.method).toBe('GET');
    expect(apiError.path).toBe(`/api/v2/tickets/${status}`);
    expect(apiError.message).toMatch(message);
    expect(apiError.message).toContain(`GET /api/v2/tickets/${status}`);
    expectNoSecret(apiError);
  });

  it('keeps description and errors[] of a validation error', async () => {
    server = await errorServer();
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, throwOnError: true });
    const error = await fd.GET('/tickets/{id}', { params: { path: { id: 400 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect((error as FreshdeskValidationError).description).toBe('Validation failed');
    expect((error as FreshdeskValidationError).errors).toEqual([
      { field: 'priority', message: 'It should be one of these values: 1,2,3,4', code: 'invalid_value' },
    ]);
  });

  it('throws FreshdeskRateLimitError with retryAfter once 429 retries are used up', async () => {
    server = await errorServer();
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      throwOnError: true,
      retry: { maxRateLimitRetries: 2 },
      clock: createScaledClock(1000),
    });
    const error = await fd.GET('/tickets/{id}', { params: { path: { id: 429 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((error as FreshdeskRateLimitError).retryAfter).toBe(0);
    expect((error as FreshdeskRateLimitError).message).toMatch(/share one RateLimiter/);
    expect(server.requests).toHaveLength(3);
  });

  it('sends the key only as Basic auth and never leaks it into errors, causes or events', async () => {
    server = await startServer((req, res) => {
      if (req.headers.authorization !== AUTHORIZATION) return sendJson(res, 401, bodies[401]);
      return sendJson(res, 401, bodies[401]);
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      throwOnError: true,
      onEvent: (e) => events.push(e),
    });
    const authError = await fd.GET('/agents/me').catch((e: unknown) => e);
    expect(authError).toBeInstanceOf(FreshdeskAuthenticationError);
    expect(server.requests[0]?.headers.authorization).toBe(AUTHORIZATION);
    expectNoSecret(authError);
    expectNoSecret(events);
    expectNoSecret(fd);
    expect(JSON.parse(JSON.stringify(authError))).toMatchObject({ status: 401, kind: 'authentication' });

    // A network failure whose cause comes from fetch: the cause chain is copied without secrets.
    const closedPort = server.baseUrl;
    await server.close();
    server = undefined;
    const offline = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: closedPort,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const networkError = await offline.GET('/agents/me').catch((e: unknown) => e);
    expect(networkError).toBeInstanceOf(FreshdeskNetworkError);
    expect((networkError as FreshdeskNetworkError).attempts).toBe(2);
    expectNoSecret(networkError);

    // A custom fetch that echoes the Authorization header in its error message: still redacted.
    const leaky = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: closedPort,
      retry: false,
      fetch: async (request) => {
        throw new Error(`boom with ${request.headers.get('authorization')} and ${API_KEY}`);
      },
    });
    const leakyError = await leaky.GET('/agents/me').catch((e: unknown) => e);
    expect(leakyError).toBeInstanceOf(FreshdeskNetworkError);
    expect(String((leakyError as Error).cause)).toContain('[REDACTED]');
    expectNoSecret(leakyError);
  });
});
