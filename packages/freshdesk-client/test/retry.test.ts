import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  createScaledClock,
  type FreshdeskEvent,
  FreshdeskServerError,
  FreshdeskTimeoutError,
  RateLimiter,
  unwrap,
} from '../src/index.js';
import { backoffDelay, DEFAULT_RETRY } from '../src/transport/retry.js';
import { API_KEY, sendJson, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };
const agent = {
  id: 1,
  available: true,
  occasional: false,
  ticket_scope: 1,
  contact: { email: 'a@b.c', name: 'A' },
};

describe('retries', () => {
  it('retries 5xx on GET with backoff and returns the eventual answer', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls <= 2) return sendJson(res, calls === 1 ? 503 : 502, { description: 'busy' });
      return sendJson(res, 200, agent);
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: fastRetry,
      onEvent: (e) => events.push(e),
    });
    const me = unwrap(await fd.GET('/agents/me'));
    expect(me.id).toBe(1);
    expect(server.requests).toHaveLength(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.status : 0))).toEqual([
      503, 502,
    ]);
    expect(events.some((e) => e.type === 'wait' && e.reason === 'backoff')).toBe(true);
  });

  it('stops after maxAttempts and does not retry a POST', async () => {
    server = await startServer((_req, res) => sendJson(res, 500, { description: 'Internal error' }));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { ...fastRetry, maxAttempts: 3 },
      throwOnError: true,
    });
    await expect(fd.GET('/groups')).rejects.toBeInstanceOf(FreshdeskServerError);
    expect(server.requests).toHaveLength(3);
    await expect(fd.POST('/tickets', { body: { subject: 'Help', email: 'a@b.c' } })).rejects.toBeInstanceOf(
      FreshdeskServerError,
    );
    expect(server.requests).toHaveLength(4);
    // PUT is idempotent: retried, and its body is sent again each time.
    await expect(
      fd.PUT('/tickets/{id}', { params: { path: { id: 9 } }, body: { priority: 4 } }),
    ).rejects.toThrow();
    const puts = server.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(3);
    expect(puts.map((r) => JSON.parse(r.body))).toEqual([{ priority: 4 }, { priority: 4 }, { priority: 4 }]);
  });

  it('retries a connection dropped before any answer, then returns the answer', async () => {
    server = await startServer((_req, res) => {
      // The first two requests lose their connection without a byte of answer.
      if ((server?.requests.length ?? 0) <= 2) return void res.socket?.destroy();
      sendJson(res, 200, agent);
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: fastRetry,
      onEvent: (e) => events.push(e),
    });
    expect(unwrap(await fd.GET('/agents/me')).id).toBe(1);
    expect(server.requests).toHaveLength(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.reason : ''))).toEqual(
      ['network', 'network'],
    );
  });

  it('backs off exponentially with equal jitter, capped at maxDelayMs', () => {
    const options = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    // random() = 0 gives the fixed half, 1 the whole ceiling: 100, 200, 400, 800, then capped at 1,000.
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, () => 1))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    // Parallel callers spread out: the random half differs between them.
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3, options, Math.random)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay >= 200 && delay <= 400).toBe(true);
  });

  it('does not start a retry past maxElapsedMs', async () => {
    server = await startServer((_req, res) => sendJson(res, 503, {}));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, maxElapsedMs: 1_000, maxAttempts: 5 },
    });
    const result = await fd.GET('/groups');
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('times out a hanging attempt and retries it', async () => {
    server = await startServer((req, res) => {
      // The first request never gets an answer.
      if (server?.requests.indexOf(req) === 0) return;
      sendJson(res, 200, agent);
    });
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      // Long enough that a loaded machine does not also time out the answered second attempt.
      timeoutMs: 1_000,
      retry: fastRetry,
    });
    expect(unwrap(await fd.GET('/agents/me')).id).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it('throws FreshdeskTimeoutError when every attempt times out', async () => {
    server = await startServer(() => {
      // never answers
    });
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      timeoutMs: 50,
      retry: { ...fastRetry, maxAttempts: 2 },
    });
    const error = await fd.GET('/agents/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, attempts: 2, method: 'GET', path: '/api/v2/agents/me' });
    expect((error as Error).message).toMatch(/timed out after 50 ms \(2 attempt\(s\)\)\. Raise timeoutMs/);
  });
});

describe('abort', () => {
  it('aborts an in-flight request at once, without retrying', async () => {
    server = await startServer(() => {
      // never answers
    });
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry });
    const controller = new AbortController();
    const pending = fd.GET('/agents/me', { signal: controller.signal });
    await until(() => (server?.requests.length ?? 0) === 1);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('aborts during a retry backoff', async () => {
    server = await startServer((_req, res) => sendJson(res, 503, {}));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { baseDelayMs: 600_000, maxDelayMs: 600_000, maxElapsedMs: 3_600_000 },
    });
    const controller = new AbortController();
    const pending = fd.GET('/groups', { signal: controller.signal });
    await until(() => (server?.requests.length ?? 0) === 1);
    controller.abort(new Error('stop now'));
    await expect(pending).rejects.toThrow('stop now');
    expect(server.requests).toHaveLength(1);
  });

  it('aborts while every caller waits out a 429 Retry-After', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 429, { message: 'slow down' }, { 'Retry-After': '600', 'X-RateLimit-Remaining': '0' }),
    );
    const waits: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      onEvent: (e) => {
        if (e.type === 'wait') waits.push(e);
      },
    });
    const controller = new AbortController();
    const pending = fd.GET('/groups', { signal: controller.signal });
    await until(() => waits.length === 1);
    expect(waits[0]).toMatchObject({ reason: 'retry-after', path: '/api/v2/groups' });
    controller.abort(new Error('no time to wait'));
    await expect(pending).rejects.toThrow('no time to wait');
    expect(server.requests).toHaveLength(1);
    expect(fd.rateLimiter.snapshot().pausedUntil).toBeGreaterThan(0);
  });

  it('aborts while waiting for rate-limit budget and while paginating', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, [{ id: Number(req.url.searchParams.get('page') ?? '1') }], {
        Link: `<${server?.baseUrl}/companies?page=${Number(req.url.searchParams.get('page') ?? '1') + 1}>; rel="next"`,
      }),
    );
    const limiter = new RateLimiter({ requestsPerMinute: 2, clock: createScaledClock(1) });
    const waits: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      rateLimiter: limiter,
      onEvent: (e) => {
        if (e.type === 'wait') waits.push(e);
      },
    });
    const controller = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const company of fd.paginate('/companies', { signal: controller.signal })) {
        seen.push(company.id);
        if (seen.length === 2) setTimeout(() => controller.abort(new Error('cancelled by user')), 20);
      }
    })();
    await expect(run).rejects.toThrow('cancelled by user');
    // Two requests fit in the budget; the third waited a minute for budget until the abort.
    expect(seen).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([
      expect.objectContaining({ type: 'wait', reason: 'budget', path: '/api/v2/companies?page=3' }),
    ]);
  });
});
