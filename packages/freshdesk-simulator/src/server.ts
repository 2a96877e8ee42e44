import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FaultInjector, FaultKind } from './faults.js';
import { ApiError, notFound, UNAUTHORIZED_BODY, validationFailed } from './http/api-error.js';
import type { RequestContext, RouteResult, Router } from './http/router.js';
import type { RateDecision, RateLimiter } from './rate-limit.js';
import type { SimulatorState } from './store/state.js';

export const API_PREFIX = '/api/v2';
export const CONTROL_PREFIX = '/_control';

/** What the server reports about each response it sent (used by tests for conformance checks). */
export interface ResponseRecord {
  method: string;
  /** Path below /api/v2 (or the control path), without the query. */
  path: string;
  /** The query string as sent, without the leading `?` (`''` when there is none). */
  query: string;
  /** The route pattern that matched, e.g. `/tickets/:id`, if any. */
  route: string | undefined;
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
  /** Set when the response was deliberately broken by fault injection. */
  fault: FaultKind | undefined;
}

export interface ServerDeps {
  state: SimulatorState;
  router: Router;
  apiKey: string;
  limiter: RateLimiter | undefined;
  faults: FaultInjector;
  control: (method: string, path: string, query: URLSearchParams, body: unknown) => RouteResult;
  onResponse?: (record: ResponseRecord) => void;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Accepts `Basic base64(apiKey:anything)`, as Freshdesk does (the password is conventionally X). */
export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return (colon === -1 ? decoded : decoded.slice(0, colon)) === apiKey;
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw validationFailed({
      field: 'body',
      message: 'Request body has invalid json format',
      code: 'invalid_json',
    });
  }
}

function credits(ctx: { query: URLSearchParams }, includeCosts: boolean | undefined): number {
  if (!includeCosts) return 1;
  const include = ctx.query.get('include');
  const count = include ? new Set(include.split(',').filter((s) => s.trim())).size : 0;
  return 1 + 2 * count;
}

function rateHeaders(decision: { total: number; remaining: number }, used: number): Record<string, string> {
  return {
    'X-RateLimit-Total': String(decision.total),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Used-CurrentRequest': String(used),
  };
}

const UNLIMITED = { total: 1_000_000, remaining: 1_000_000 };

/** The HTTP shell: auth, rate limits, faults and error mapping around the router. */
export function createSimulatorServer(deps: ServerDeps): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const host = req.headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `http://${host}`);
    const query = url.search.slice(1);
    const rawBody = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);

    const send = (
      result: RouteResult,
      record: Omit<ResponseRecord, 'status' | 'headers' | 'body'>,
      fault?: FaultKind,
    ) => {
      const headers: Record<string, string> = { ...result.headers };
      if (result.json !== undefined || result.buffer !== undefined) headers['Content-Type'] = JSON_TYPE;
      if (deps.onResponse) {
        const body = result.buffer ? result.buffer.toString('utf8') : result.json;
        deps.onResponse({ ...record, status: result.status, headers, body, fault });
      }
      if (fault === 'reset' || fault === 'truncate' || fault === 'malformed') {
        sendBroken(res, result, headers, fault);
        return;
      }
      res.writeHead(result.status, headers);
      res.end(result.buffer ?? result.json);
    };

    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const path = url.pathname.slice(CONTROL_PREFIX.length) || '/';
      let result: RouteResult;
      try {
        result = deps.control(method, path, url.searchParams, rawBody ? JSON.parse(rawBody) : undefined);
      } catch (error) {
        result =
          error instanceof SyntaxError
            ? {
                status: 400,
                json: JSON.stringify({ error: `The control request body is not JSON: ${error.message}` }),
              }
            : errorResult(error);
      }
      send(result, { method, path: url.pathname, query, route: undefined, fault: undefined });
      return;
    }

    const path = url.pathname.startsWith(`${API_PREFIX}/`)
      ? url.pathname.slice(API_PREFIX.length)
      : undefined;
    const match = path === undefined ? undefined : deps.router.match(method, path);
    const baseRecord = {
      method,
      path: path ?? url.pathname,
      query,
      route: match?.route.path,
      fault: undefined,
    };

    const fault = path === undefined ? undefined : deps.faults.next(path);
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, deps.faults.slowMs));
    const budget = deps.limiter ? deps.limiter.peek() : UNLIMITED;
    if (fault === '500' || fault === '502' || fault === '503' || fault === '504') {
      const status = Number(fault);
      send(
        {
          status,
          json: JSON.stringify({
            code: 'service_unavailable',
            message: `Simulated ${status} (fault injection).`,
          }),
          headers: rateHeaders(budget, 0),
        },
        baseRecord,
        fault,
      );
      return;
    }
    if (fault === '429') {
      const retryAfter = deps.faults.stormRetryAfter;
      send(
        {
          status: 429,
          json: JSON.stringify({
            code: 'too_many_requests',
            message: `Rate limit exceeded (simulated storm). Retry after ${retryAfter} seconds.`,
          }),
          headers: {
            ...rateHeaders({ total: budget.total, remaining: 0 }, 0),
            'Retry-After': String(retryAfter),
          },
        },
        baseRecord,
        fault,
      );
      return;
    }

    if (!isAuthorized(req.headers.authorization, deps.apiKey)) {
      send(
        { status: 401, json: JSON.stringify(UNAUTHORIZED_BODY), headers: rateHeaders(budget, 0) },
        baseRecord,
        fault,
      );
      return;
    }

    const cost = credits({ query: url.searchParams }, match?.route.includeCosts);
    let decision: RateDecision | undefined;
    if (deps.limiter) {
      decision = deps.limiter.consume(cost, match?.route.rateClass);
      if (!decision.allowed) {
        const retryAfter = decision.retryAfter ?? 1;
        send(
          {
            status: 429,
            json: JSON.stringify({
              code: 'too_many_requests',
              message: `You have exceeded the limit of requests per minute. Retry after ${retryAfter} seconds.`,
            }),
            headers: { ...rateHeaders(decision, 0), 'Retry-After': String(retryAfter) },
          },
          baseRecord,
          fault,
        );
        return;
      }
    }
    const limitHeaders = decision ? rateHeaders(decision, decision.used) : rateHeaders(UNLIMITED, cost);

    let result: RouteResult;
    try {
      if (!match || path === undefined) throw notFound(`URL ${url.pathname}`);
      const ctx: RequestContext = {
        method,
        url,
        path,
        query: url.searchParams,
        params: match.params,
        body: parseJsonBody(rawBody),
        state: deps.state,
        origin: `http://${host}`,
      };
      result = match.route.handler(ctx);
    } catch (error) {
      result = errorResult(error);
    }
    result.headers = { ...result.headers, ...limitHeaders };
    send(result, baseRecord, fault);
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A bug of the simulator (or a request it cannot parse, e.g. a bad Host header): still a complete
      // answer with the rate-limit headers every API response carries, and recorded like any other.
      const budget = deps.limiter ? deps.limiter.peek() : UNLIMITED;
      const headers = { ...rateHeaders(budget, 0), 'Content-Type': JSON_TYPE };
      const body = JSON.stringify({ code: 'internal_error', message: `Simulator error: ${String(error)}` });
      res.writeHead(500, headers);
      res.end(body);
      if (!deps.onResponse) return;
      try {
        deps.onResponse({
          ...describeRequest(req, deps.router),
          status: 500,
          headers,
          body,
          fault: undefined,
        });
      } catch (callbackError) {
        // The callback itself may be what failed; throwing again would take the whole server down.
        process.emitWarning(`freshdesk-simulator: onResponse threw: ${String(callbackError)}`);
      }
    });
  });
}

/** Method, path and route of a request, read from the raw request line (for the crash path). */
function describeRequest(
  req: IncomingMessage,
  router: Router,
): Pick<ResponseRecord, 'method' | 'path' | 'query' | 'route'> {
  const method = req.method ?? 'GET';
  const raw = req.url ?? '/';
  const at = raw.indexOf('?');
  const pathname = (at === -1 ? raw : raw.slice(0, at)) || '/';
  const query = at === -1 ? '' : raw.slice(at + 1);
  if (!pathname.startsWith(`${API_PREFIX}/`)) return { method, path: pathname, query, route: undefined };
  const path = pathname.slice(API_PREFIX.length);
  let route: string | undefined;
  try {
    route = router.match(method, path)?.route.path;
  } catch {
    route = undefined;
  }
  return { method, path, query, route };
}

function errorResult(error: unknown): RouteResult {
  if (error instanceof ApiError)
    return { status: error.status, json: JSON.stringify(error.body), headers: error.headers };
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    json: JSON.stringify({ code: 'internal_error', message: `Simulator error: ${message}` }),
  };
}

/** Sends a deliberately broken response: cut off mid-body, truncated JSON or non-JSON. */
function sendBroken(
  res: ServerResponse,
  result: RouteResult,
  headers: Record<string, string>,
  fault: FaultKind,
): void {
  const body = result.json ?? result.buffer?.toString('utf8') ?? '{"simulated":"fault"}';
  const half = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  if (fault === 'reset') {
    // Promise the full length, send half, then drop the connection.
    res.writeHead(result.status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
    res.write(half, () => res.destroy());
    return;
  }
  const broken = fault === 'truncate' ? half : `<html><body>Bad gateway ${'{'.repeat(3)}</body>`;
  res.writeHead(result.status === 204 ? 200 : result.status, {
    ...headers,
    'Content-Type': JSON_TYPE,
    'Content-Length': String(Buffer.byteLength(broken)),
  });
  res.end(broken);
}
