import { CATALOG } from '@sluice/sync';

/** Every HTTP attempt a client made (retries included), compactly, for budget and per-resource counts. */
export interface RequestLog {
  /** performance.now() when each response arrived. */
  readonly at: number[];
  readonly status: number[];
  /** `X-RateLimit-Used-CurrentRequest` (credits charged), 1 when absent. */
  readonly credits: number[];
  /** Requests per resource (see `resourceOf`). */
  readonly byResource: Map<string, number>;
  /** 429 responses per resource. */
  readonly rejectedByResource: Map<string, number>;
  /** Credits charged per resource. */
  readonly creditsByResource: Map<string, number>;
}

export function emptyRequestLog(): RequestLog {
  return {
    at: [],
    status: [],
    credits: [],
    byResource: new Map(),
    rejectedByResource: new Map(),
    creditsByResource: new Map(),
  };
}

const ROUTES = CATALOG.map((entry) => ({
  name: entry.name,
  pattern: new RegExp(`/api/v2${entry.path.replace('{id}', '\\d+')}$`),
})).sort((a, b) => b.pattern.source.length - a.pattern.source.length);

/** The catalog resource a request URL belongs to; the ticket list's deleted and spam views are their own. */
export function resourceOf(url: URL): string {
  const route = ROUTES.find((r) => r.pattern.test(url.pathname));
  const name = route?.name ?? url.pathname;
  const view = url.searchParams.get('filter') ?? url.searchParams.get('state');
  return view ? `${name} (${view})` : name;
}

function increment(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A fetch that records every response into `log` before handing it on. */
export function recordingFetch(log: RequestLog): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await globalThis.fetch(request);
    log.at.push(performance.now());
    log.status.push(response.status);
    const credits = Number(response.headers.get('x-ratelimit-used-currentrequest') ?? 1) || 1;
    log.credits.push(credits);
    const resource = resourceOf(new URL(request.url));
    increment(log.byResource, resource, 1);
    if (response.status === 429) increment(log.rejectedByResource, resource, 1);
    else increment(log.creditsByResource, resource, credits);
    return response;
  };
}
