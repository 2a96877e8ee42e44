import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultInjectedMessage, defaultInjectedStatus } from './api/injected-errors.js';
import { route } from './api/router.js';
import type { FakeState, ReceivedQuery, RequestLogEntry } from './api/state.js';
import { Catalog } from './catalog/catalog.js';
import type { TableFieldSchema } from './catalog/types.js';
import { Database } from './db.js';
import { BigQueryApiError, type BigQueryErrorReason, toApiError } from './errors.js';
import { JobStore } from './jobs/store.js';
import { encodeRows } from './rows/encode.js';
import { quoteIdent } from './sql/literals.js';
import { createZetaSqlAnalyzer } from './zetasql/analyzer.js';
import type { SqlAnalyzer } from './zetasql/types.js';

export interface BigQueryFakeOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The only project the fake serves. Default `fake-project`. */
  projectId?: string;
  /** Location of datasets created without one, and of jobs that name none. Default `US`. */
  location?: string;
  /**
   * Strict mode: analyze every query statement with ZetaSQL; invalid GoogleSQL fails with 400 invalidQuery.
   * Pass an analyzer from `createZetaSqlAnalyzer()` (shared, you stop it), or `true` for one the fake starts
   * and stops itself (throws ZetaSqlUnavailableError if the server cannot run on this machine).
   */
  zetasql?: SqlAnalyzer | boolean;
  /** Enforce BigQuery's limit on table metadata updates (patches, loads, ALTER TABLE) per table. */
  metadataUpdateLimit?: { operations: number; windowMs: number };
  /**
   * Checks the `Authorization` header of every request (a token your test's token server issued, a JWT
   * signed by a test key...); `false` answers Google's 401 authError before anything else. Default: any
   * request is served.
   */
  authorize?: (authorization: string | undefined) => boolean | Promise<boolean>;
}

export interface InjectErrorOptions {
  reason: BigQueryErrorReason;
  /** Default: 403 for rateLimitExceeded/quotaExceeded/accessDenied, 401 for authError, 503 for backendError,
   * 500 for internalError, 400 otherwise. */
  httpStatus?: number;
  message?: string;
  /** For accessDenied: the IAM permission named in the message, e.g. `bigquery.tables.updateData`. */
  permission?: string;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Only requests with this HTTP method. */
  method?: string;
  /** Only requests whose path contains this string or matches this pattern (e.g. '/queries', /\/jobs$/). */
  path?: string | RegExp;
}

export interface FailJobsOptions {
  reason: BigQueryErrorReason;
  message?: string;
  times?: number;
  jobType?: 'QUERY' | 'LOAD';
}

export interface BigQueryFake {
  /** Pass as `apiEndpoint` to `new BigQuery(...)`. */
  readonly apiEndpoint: string;
  readonly projectId: string;
  readonly location: string;
  readonly port: number;
  /** Next matching HTTP requests fail with Google's error body, before reaching the fake's logic. */
  injectError(options: InjectErrorOptions): void;
  /** Next jobs are created but finish with `status.errorResult` of this reason, without running. */
  failNextJobs(options: FailJobsOptions): void;
  /** Query texts received by query jobs / jobs.query, with the DuckDB SQL they became. */
  receivedQueries(): ReceivedQuery[];
  /** Every HTTP request served (method, path, status). */
  requests(): RequestLogEntry[];
  /** A table's rows with values as BigQuery's REST strings (TIMESTAMP as ISO 8601), in insertion order
   * unless `orderBy` names columns. */
  readTable(
    datasetId: string,
    tableId: string,
    options?: { orderBy?: string[] },
  ): Promise<Record<string, string | null>[]>;
  /** A table's schema as tables.get returns it. */
  tableSchema(datasetId: string, tableId: string): Promise<TableFieldSchema[]>;
  /** Runs raw DuckDB SQL against the backing database (datasets are schemas). */
  duckdb(sql: string): Promise<Record<string, unknown>[]>;
  /** Table metadata updates counted for `dataset.table` (patches, loads, ALTER TABLE). */
  metadataUpdateCount(datasetId: string, tableId: string): number;
  /** Drops every dataset, job, injected error and log. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a fake of BigQuery's REST API v2 on 127.0.0.1, backed by an in-memory DuckDB. */
export async function startBigQueryFake(options: BigQueryFakeOptions = {}): Promise<BigQueryFake> {
  const projectId = options.projectId ?? 'fake-project';
  const location = options.location ?? 'US';
  const ownAnalyzer = options.zetasql === true ? await createZetaSqlAnalyzer() : undefined;
  const analyzer = ownAnalyzer ?? (typeof options.zetasql === 'object' ? options.zetasql : undefined);
  const db = await Database.create();
  const state: FakeState = {
    projectId,
    location,
    apiEndpoint: '',
    db,
    catalog: new Catalog(db, {
      projectId,
      location,
      ...(options.metadataUpdateLimit ? { metadataUpdateLimit: options.metadataUpdateLimit } : {}),
    }),
    jobs: new JobStore(),
    ...(analyzer ? { analyzer } : {}),
    injectedErrors: [],
    injectedJobFailures: [],
    queries: [],
    requests: [],
    uploads: new Map(),
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const log: RequestLogEntry = { method, path: url.pathname, status: 0 };
    state.requests.push(log);
    try {
      const body = await readBody(req);
      if (options.authorize && !(await options.authorize(req.headers.authorization))) {
        throw new BigQueryApiError(401, 'authError', defaultInjectedMessage('authError', projectId));
      }
      const injected = state.injectedErrors.find(
        (e) =>
          e.remaining > 0 &&
          (!e.method || e.method.toUpperCase() === method) &&
          (!e.path ||
            (typeof e.path === 'string' ? url.pathname.includes(e.path) : e.path.test(url.pathname))),
      );
      if (injected) {
        injected.remaining -= 1;
        throw new BigQueryApiError(injected.httpStatus, injected.reason, injected.message);
      }
      const response = await db.exclusive(async () => {
        await state.catalog.dropExpiredTables();
        return route(state, {
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        });
      });
      log.status = response.status;
      send(res, response.status, response.body, response.headers);
    } catch (error) {
      const apiError =
        error instanceof SyntaxError
          ? new BigQueryApiError(400, 'invalid', `Invalid JSON payload received. ${error.message}`)
          : toApiError(error);
      log.status = apiError.httpStatus;
      send(res, apiError.httpStatus, apiError.toBody());
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.apiEndpoint = `http://127.0.0.1:${port}`;

  return {
    apiEndpoint: state.apiEndpoint,
    projectId,
    location,
    port,
    injectError(o) {
      state.injectedErrors.push({
        reason: o.reason,
        httpStatus: o.httpStatus ?? defaultInjectedStatus(o.reason),
        message: o.message ?? defaultInjectedMessage(o.reason, projectId, o.permission),
        remaining: o.times ?? 1,
        ...(o.method ? { method: o.method } : {}),
        ...(o.path ? { path: o.path } : {}),
      });
    },
    failNextJobs(o) {
      state.injectedJobFailures.push({
        reason: o.reason,
        message: o.message ?? defaultInjectedMessage(o.reason, projectId),
        remaining: o.times ?? 1,
        ...(o.jobType ? { jobType: o.jobType } : {}),
      });
    },
    receivedQueries: () => [...state.queries],
    requests: () => [...state.requests],
    async readTable(datasetId, tableId, readOptions = {}) {
      return db.exclusive(async () => {
        await state.catalog.requireTable(datasetId, tableId);
        const fields = await state.catalog.schema(datasetId, tableId);
        const order = readOptions.orderBy?.length
          ? ` ORDER BY ${readOptions.orderBy.map(quoteIdent).join(', ')}`
          : '';
        const result = await db.run(
          `SELECT ${fields.map((f) => quoteIdent(f.name)).join(', ')} FROM ${quoteIdent(datasetId)}.${quoteIdent(tableId)}${order}`,
        );
        return encodeRows(result.rows, fields, 'iso').map((row) =>
          Object.fromEntries(fields.map((f, i) => [f.name, row.f[i]?.v ?? null])),
        );
      });
    },
    tableSchema: (datasetId, tableId) =>
      db.exclusive(async () => {
        await state.catalog.requireTable(datasetId, tableId);
        return state.catalog.schema(datasetId, tableId);
      }),
    duckdb: (sql) => db.exclusive(() => db.rowsJson(sql)),
    metadataUpdateCount: (datasetId, tableId) =>
      state.catalog.metadataUpdateCounts.get(`${datasetId}.${tableId}`) ?? 0,
    async reset() {
      await db.exclusive(async () => {
        for (const id of await state.catalog.datasetIds()) await state.catalog.deleteDataset(id, true);
      });
      state.jobs.clear();
      state.injectedErrors.length = 0;
      state.injectedJobFailures.length = 0;
      state.queries.length = 0;
      state.requests.length = 0;
      state.uploads.clear();
      state.catalog.metadataUpdateCounts.clear();
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await db.exclusive(async () => db.close());
      await ownAnalyzer?.stop();
    },
  };
}
