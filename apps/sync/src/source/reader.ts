import { type FreshdeskClient, unwrap } from '@sluice/freshdesk-client';

type Query = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/**
 * The few reads the catalog needs, over untyped paths: the catalog is data, so its paths are strings. The
 * typed client checks every path against the spec in its own tests.
 */
export interface FreshdeskReader {
  list(path: string, options?: { id?: number; query?: Query }): AsyncIterable<object>;
  object(path: string): Promise<object>;
}

interface LooseClient {
  paginate(
    path: string,
    options: {
      perPage?: number;
      signal?: AbortSignal;
      params?: { path?: Record<string, unknown>; query?: Query };
    },
  ): AsyncIterable<object>;
  GET(
    path: string,
    init: { signal?: AbortSignal },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export function createReader(
  client: FreshdeskClient,
  perPage: number,
  signal?: AbortSignal,
): FreshdeskReader {
  const loose = client as unknown as LooseClient;
  return {
    list: (path, options = {}) =>
      loose.paginate(path, {
        perPage,
        ...(signal ? { signal } : {}),
        params: {
          ...(options.id === undefined ? {} : { path: { id: options.id } }),
          ...(options.query ? { query: options.query } : {}),
        },
      }),
    async object(path) {
      const data = unwrap(await loose.GET(path, signal ? { signal } : {}));
      if (data === null || typeof data !== 'object') {
        throw new Error(`GET ${path} answered ${JSON.stringify(data)} where an object was expected.`);
      }
      return data;
    },
  };
}
