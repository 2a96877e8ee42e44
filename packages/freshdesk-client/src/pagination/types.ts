import type { paths } from '../generated/freshdesk.gen.js';

type JsonBody<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type GetOf<P extends keyof paths> = paths[P] extends { get: infer Op } ? Op : never;
type OkBody<P extends keyof paths> = GetOf<P> extends { responses: { 200: infer R } } ? JsonBody<R> : never;

/** Every path whose GET returns a bare JSON array (the list endpoints). */
export type ListPath = {
  [P in keyof paths]: [OkBody<P>] extends [never] ? never : OkBody<P> extends readonly unknown[] ? P : never;
}[keyof paths];

/** The item type of a list path, e.g. `ListItem<'/tickets'>` is `Ticket`. */
export type ListItem<P extends ListPath> = OkBody<P> extends readonly (infer T)[] ? T : never;

type ParametersOf<P extends keyof paths> = GetOf<P> extends { parameters: infer Params } ? Params : never;
type QueryOf<P extends keyof paths> = ParametersOf<P> extends { query?: infer Q } ? NonNullable<Q> : never;

/** Path parameters of a list path (`{ id }` for nested lists), or undefined when it has none. */
export type ListPathParams<P extends ListPath> = ParametersOf<P> extends { path: infer PP } ? PP : undefined;

/** Query parameters of a list path, without `page`/`per_page` (pagination sets those). */
export type ListQuery<P extends ListPath> = [QueryOf<P>] extends [never]
  ? Record<string, never>
  : Omit<QueryOf<P>, 'page' | 'per_page'>;

type ParamsOption<P extends ListPath> =
  undefined extends ListPathParams<P>
    ? { params?: { path?: undefined; query?: ListQuery<P> } }
    : { params: { path: ListPathParams<P>; query?: ListQuery<P> } };

/** Progress of a listing, after each page. */
export interface PageInfo {
  /** The list path, e.g. `/tickets`. */
  path: string;
  /** Pages fetched so far, from 1. */
  page: number;
  /** Items on this page. */
  items: number;
  /** Items so far. */
  totalItems: number;
}

export interface PageOptions {
  /** Items per page, 1 to 100. Default 100 (the fewest requests). */
  perPage?: number;
  signal?: AbortSignal;
  /** Called after each page, e.g. to show progress. */
  onPage?: (info: PageInfo) => void;
}

export type PaginateOptions<P extends ListPath> = PageOptions & ParamsOption<P>;

/** `[options?]` for lists without path parameters, `[options]` for nested lists that need `params.path`. */
export type PaginateArgs<P extends ListPath> =
  undefined extends ListPathParams<P> ? [options?: PaginateOptions<P>] : [options: PaginateOptions<P>];

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  /** Pages fetched so far in this listing, from 1. */
  page: number;
  /** The `rel="next"` URL, or undefined on the last page. */
  nextUrl: string | undefined;
  response: Response;
}

/** How pagination asks the typed client for one page; throws FreshdeskApiError on non-2xx. */
export interface PageRequest {
  path: string;
  pathParams?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  /** A raw query string (from a Link header), used instead of `query`. */
  rawQuery?: string | undefined;
  signal?: AbortSignal | undefined;
}
export type PageFetcher = (request: PageRequest) => Promise<{ data: unknown; response: Response }>;
