import type { FreshdeskPlan } from '@sluice/freshdesk-client';
import type { TicketInclude } from '../source/options.js';

export type DestinationKind = 'duckdb' | 'bigquery';
export type LogFormat = 'text' | 'json';

export type DestinationSettings =
  | { readonly kind: 'duckdb'; readonly path: string }
  | {
      readonly kind: 'bigquery';
      readonly project: string;
      readonly location: string;
      /** Application default credentials when absent. */
      readonly keyFilename?: string;
      /** A local BigQuery API (tests, emulators); the real API when absent. */
      readonly apiEndpoint?: string;
      /** A ready OAuth access token (e.g. from `gcloud auth print-access-token`), read from the environment. */
      readonly accessToken?: string;
    };

/** Everything one run needs, resolved from flags, environment, config file and defaults. */
export interface SyncSettings {
  readonly freshdesk: {
    readonly domain?: string;
    /** Overrides the URL built from the domain: a local simulator or proxy. */
    readonly baseUrl?: string;
    readonly apiKey: string;
  };
  readonly destination: DestinationSettings;
  /** DuckDB schema or BigQuery dataset. */
  readonly dataset: string;
  /** Resource names; undefined means all. */
  readonly resources?: readonly string[];
  /** ISO timestamp, UTC. */
  readonly startDate: string;
  readonly fullRefresh?: readonly string[];
  readonly concurrency: number;
  readonly requestsPerMinute?: number;
  readonly plan?: FreshdeskPlan;
  readonly perPage: number;
  readonly ticketIncludes: readonly TicketInclude[];
  readonly logFormat: LogFormat;
  /** Folder of pending load packages (crash recovery only: the state lives in the destination). */
  readonly workingDir: string;
  /** Keep loaded packages under `<workingDir>/.../loaded` for inspection (SLUICE_KEEP_PACKAGES=1). */
  readonly keepPackages?: boolean;
}

export const PIPELINE_NAME = 'freshdesk';
export const DEFAULT_DATASET = 'freshdesk';
export const DEFAULT_DUCKDB_PATH = 'freshdesk.duckdb';
export const DEFAULT_CONCURRENCY = 4;
