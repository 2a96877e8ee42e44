import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFreshdeskClient,
  type FreshdeskEvent,
  FreshdeskResponseBodyError,
  unwrap,
} from '../src/index.js';
import { API_KEY, sendJson, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };
const companies = Array.from({ length: 50 }, (_, i) => ({
  id: i + 1,
  name: `Company ${i + 1} ${'x'.repeat(200)}`,
}));

/** Sends the headers and the first half of the body, then resets the TCP connection. */
function resetMidBody(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => {
    // Let the partial body reach the client before the reset.
    setTimeout(() => res.socket?.resetAndDestroy(), 20);
  });
}

/** A complete HTTP answer whose JSON stops in the middle (e.g. a proxy cut it short). */
function sendTruncatedJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  const cut = text.slice(0, Math.floor(text.length / 2));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': cut.length });
  res.end(cut);
}

describe('broken response bodies on idempotent requests', () => {
  it('retries a GET whose connection is reset mid-body', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) return resetMidBody(res, companies);
      sendJson(res, 200, companies);
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: fastRetry,
      onEvent: (e) => events.push(e),
    });
    const list = unwrap(await fd.GET('/companies'));
    expect(list.map((c) => c.id)).toEqual(companies.map((c) => c.id));
    expect(server.requests).toHaveLength(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'retry', attempt: 1, reason: 'network', path: '/api/v2/companies' }),
    );
  });

  it('retries truncated JSON on the first attempts, also while paginating', async () => {
    const perPage = 10;
    const attempts = new Map<string, number>();
    server = await startServer((req, res) => {
      const page = Number(req.url.searchParams.get('page') ?? '1');
      const seen = (attempts.get(String(page)) ?? 0) + 1;
      attempts.set(String(page), seen);
      const items = companies.slice((page - 1) * perPage, page * perPage);
      // Page 2 comes back truncated twice before a good answer.
      if (page === 2 && seen <= 2) return sendTruncatedJson(res, items);
      const last = page * perPage >= companies.length;
      sendJson(
        res,
        200,
        items,
        last
          ? {}
          : { Link: `<${server?.baseUrl}/companies?page=${page + 1}&per_page=${perPage}>; rel="next"` },
      );
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: fastRetry,
      onEvent: (e) => events.push(e),
    });
    const ids: number[] = [];
    for await (const company of fd.paginate('/companies', { perPage })) ids.push(company.id);
    expect(ids).toEqual(companies.map((c) => c.id));
    expect(attempts.get('2')).toBe(3);
    expect(events.filter((e) => e.type === 'retry')).toEqual([
      expect.objectContaining({ attempt: 1, reason: 'invalid-body', status: 200 }),
      expect.objectContaining({ attempt: 2, reason: 'invalid-body', status: 200 }),
    ]);
  });

  it('retries a PUT whose answer is truncated, sending its body again', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) return sendTruncatedJson(res, companies[0]);
      sendJson(res, 200, companies[0]);
    });
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry });
    const company = unwrap(
      await fd.PUT('/companies/{id}', { params: { path: { id: 1 } }, body: { name: 'Renamed' } }),
    );
    expect(company.id).toBe(1);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { name: 'Renamed' },
      { name: 'Renamed' },
    ]);
  });

  it('says what happened and what to do once every attempt got a truncated body', async () => {
    server = await startServer((_req, res) => sendTruncatedJson(res, companies));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { ...fastRetry, maxAttempts: 3 },
    });
    const error = await fd.GET('/companies').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskResponseBodyError);
    expect(error).toMatchObject({
      problem: 'invalid-json',
      status: 200,
      attempts: 3,
      method: 'GET',
      path: '/api/v2/companies',
    });
    expect((error as Error).message).toMatch(
      /answered 200 but the response body was truncated or not valid JSON after 3 attempt\(s\)\..*retry later, or raise retry\.maxAttempts/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('says so when the connection broke mid-body on every attempt', async () => {
    server = await startServer((_req, res) => resetMidBody(res, companies));
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      retry: { ...fastRetry, maxAttempts: 2 },
    });
    const error = await fd.GET('/companies').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskResponseBodyError);
    expect(error).toMatchObject({ problem: 'interrupted', attempts: 2 });
    expect((error as Error).message).toMatch(/the connection broke while reading the response body after 2/);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a body that stalls half way and retries it', async () => {
    let calls = 0;
    server = await startServer((_req, res) => {
      calls += 1;
      if (calls === 1) {
        const text = JSON.stringify(companies);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
        res.write(text.slice(0, 100)); // and never the rest
        return;
      }
      sendJson(res, 200, companies);
    });
    const events: FreshdeskEvent[] = [];
    const fd = createFreshdeskClient({
      apiKey: API_KEY,
      baseUrl: server.baseUrl,
      // Long enough that a loaded machine does not also time out the answered second attempt.
      timeoutMs: 1_000,
      retry: fastRetry,
      onEvent: (e) => events.push(e),
    });
    expect(unwrap(await fd.GET('/companies'))).toHaveLength(companies.length);
    expect(server.requests).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', reason: 'timeout' }));
  });

  it('aborts while a body is being read, without retrying', async () => {
    const controller = new AbortController();
    server = await startServer((_req, res) => {
      const text = JSON.stringify(companies);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
      res.write(text.slice(0, 100), () => setTimeout(() => controller.abort(new Error('stop reading')), 20));
    });
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry });
    await expect(fd.GET('/companies', { signal: controller.signal })).rejects.toThrow('stop reading');
    expect(server.requests).toHaveLength(1);
  });

  it('does not resend a POST whose answer broke off (it may have created the ticket)', async () => {
    server = await startServer((_req, res) => resetMidBody(res, { id: 1, subject: 'Help' }));
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry });
    await expect(fd.POST('/tickets', { body: { subject: 'Help', email: 'a@b.c' } })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('passes on empty answers that are meant to be empty', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const fd = createFreshdeskClient({ apiKey: API_KEY, baseUrl: server.baseUrl, retry: fastRetry });
    const result = await fd.DELETE('/companies/{id}', { params: { path: { id: 1 } } });
    expect(result.response.status).toBe(204);
    expect(server.requests).toHaveLength(1);
  });
});
