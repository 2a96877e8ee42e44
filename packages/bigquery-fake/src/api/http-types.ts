import type { IncomingHttpHeaders } from 'node:http';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });
export const noContent = (): ApiResponse => ({ status: 204 });

/** Parses a JSON request body ({} when empty). */
export function jsonBody<T>(req: ApiRequest): T {
  if (req.body.length === 0) return {} as T;
  return JSON.parse(req.body.toString('utf8')) as T;
}

/** `maxResults`/`pageToken` paging over an in-memory list (page tokens are offsets). */
export function page<T>(items: readonly T[], query: URLSearchParams): { items: T[]; nextPageToken?: string } {
  const start = Number(query.get('pageToken') ?? query.get('startIndex') ?? 0);
  const max = Number(query.get('maxResults') ?? 100_000);
  const slice = items.slice(start, start + max);
  const next = start + slice.length;
  return next < items.length ? { items: slice, nextPageToken: String(next) } : { items: slice };
}
