import type { SimulatorState } from '../store/state.js';
import { notFound, validationFailed } from './api-error.js';

/** Endpoint families with their own per-minute sub-limit in Freshdesk. */
export type RateClass = 'ticketList' | 'contactList' | 'ticketCreate' | 'ticketUpdate';

export interface RequestContext {
  method: string;
  /** The full request URL as the client addressed it (used for absolute `Link` headers). */
  url: URL;
  /** Path below /api/v2, e.g. `/tickets/12`. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  state: SimulatorState;
  /** Origin of the simulator, e.g. `http://127.0.0.1:8787`. */
  origin: string;
}

export interface RouteResult {
  status: number;
  /** Serialized JSON body; absent for 204. */
  json?: string;
  /** The JSON body already encoded as UTF-8 (used instead of `json` for cached pages). */
  buffer?: Buffer;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => RouteResult;

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: Handler;
  rateClass?: RateClass;
  /** Whether `include` adds credits (2 per embedded resource). */
  includeCosts?: boolean;
}

interface CompiledRoute extends RouteDefinition {
  pattern: RegExp;
  keys: string[];
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

/** A small method + path-pattern router (`/tickets/:id/conversations`). */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...definitions: RouteDefinition[]): void {
    for (const definition of definitions) {
      const keys: string[] = [];
      const source = definition.path.replace(/\//g, '\\/').replace(/:(\w+)/g, (_, key: string) => {
        keys.push(key);
        return '([^/]+)';
      });
      this.routes.push({ ...definition, pattern: new RegExp(`^${source}\\/?$`), keys });
    }
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }
}

export function json(value: unknown, status = 200, headers?: Record<string, string>): RouteResult {
  return headers ? { status, json: JSON.stringify(value), headers } : { status, json: JSON.stringify(value) };
}

export function noContent(): RouteResult {
  return { status: 204 };
}

/** Reads a numeric path parameter; a non-numeric id is simply not found, as in Freshdesk. */
export function idParam(ctx: RequestContext, name = 'id'): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

/** The JSON request body as an object, or a 400 when it is something else. */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationFailed({
      field: 'body',
      message: 'The request body must be a JSON object',
      code: 'invalid_json',
    });
  }
  return body as Record<string, unknown>;
}
