import type { Catalog } from '../catalog/catalog.js';
import type { Database } from '../db.js';
import type { BigQueryErrorReason } from '../errors.js';
import type { JobStore } from '../jobs/store.js';
import type { SqlAnalyzer } from '../zetasql/types.js';

/** A failure to return instead of serving matching requests (see `BigQueryFake.injectError`). */
export interface InjectedError {
  reason: BigQueryErrorReason;
  httpStatus: number;
  message: string;
  remaining: number;
  method?: string;
  path?: string | RegExp;
}

/** A failure to report as the result of the next jobs (see `BigQueryFake.failNextJobs`). */
export interface InjectedJobFailure {
  reason: BigQueryErrorReason;
  message: string;
  remaining: number;
  jobType?: 'QUERY' | 'LOAD';
}

export interface ReceivedQuery {
  jobId: string;
  sql: string;
  /** DuckDB statements the fake ran for it. */
  duckdb: string[];
  ok: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

/** Shared state of one fake instance. */
export interface FakeState {
  projectId: string;
  location: string;
  apiEndpoint: string;
  db: Database;
  catalog: Catalog;
  jobs: JobStore;
  analyzer?: SqlAnalyzer;
  injectedErrors: InjectedError[];
  injectedJobFailures: InjectedJobFailure[];
  queries: ReceivedQuery[];
  requests: RequestLogEntry[];
  uploads: Map<
    string,
    { metadata: Record<string, unknown>; chunks: Buffer[]; received: number; jobId?: string }
  >;
}
