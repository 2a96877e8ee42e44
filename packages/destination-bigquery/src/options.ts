import type { AuthClient } from 'google-auth-library';
import type { BigQueryAuth } from './bigquery/api.js';
import type { RetryOptions } from './retry.js';
import type { PartitionGranularity } from './schema/table-layout.js';

/** Credentials JSON as a service-account key file holds it (parsed). */
export type ServiceAccountKey = NonNullable<BigQueryAuth['credentials']>;

/**
 * How to authenticate. Omit for application default credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, or the
 * metadata server on Google Cloud).
 */
export type BigQueryCredentials =
  | { readonly keyFilename: string }
  | { readonly credentials: ServiceAccountKey }
  | { readonly authClient: AuthClient };

export interface BigQueryDestinationOptions {
  /** Google Cloud project that owns the datasets and runs the jobs. */
  readonly projectId: string;
  /** Dataset to load into; default: the pipeline's dataset. */
  readonly dataset?: string;
  /** BigQuery location of the datasets and jobs: `US`, `EU`, `europe-west3`, ... */
  readonly location: string;
  readonly credentials?: BigQueryCredentials;
  /** API root, for tests against a local fake: `http://127.0.0.1:9050`. */
  readonly apiEndpoint?: string;
  /** Dataset for staging tables; default `<dataset>_staging`. */
  readonly stagingDataset?: string;
  /** Staging tables expire after this long, even when a run crashes before dropping them. Default 1 day. */
  readonly stagingTableExpirationMs?: number;
  /** Labels on datasets and tables that Sluice creates (keys and values: lowercase letters, digits, `_`, `-`). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Partition size for tables with a `partition` column hint. Default `DAY`. */
  readonly partitionGranularity?: PartitionGranularity;
  /** Retries of rate-limited and transient failures. */
  readonly retry?: RetryOptions;
}

export const DEFAULT_STAGING_EXPIRATION_MS = 24 * 60 * 60 * 1000;

const LABEL = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;

/** Checks options up front so mistakes fail before any request, with the fix in the message. */
export function validateOptions(options: BigQueryDestinationOptions): void {
  if (!options.projectId) {
    throw new Error(
      'bigquery(): projectId is required, e.g. bigquery({ projectId: "my-project", location: "EU" }).',
    );
  }
  if (!options.location) {
    throw new Error(
      'bigquery(): location is required (e.g. "US", "EU" or "europe-west3"): datasets are created there and every job runs there.',
    );
  }
  for (const [name, value] of [
    ['dataset', options.dataset],
    ['stagingDataset', options.stagingDataset],
  ] as const) {
    if (value !== undefined && !DATASET.test(value)) {
      throw new Error(
        `bigquery(): ${name} "${value}" is not a valid dataset name: use letters, digits and underscores.`,
      );
    }
  }
  const expiration = options.stagingTableExpirationMs;
  if (expiration !== undefined && (!Number.isInteger(expiration) || expiration < 3_600_000)) {
    throw new Error(
      "bigquery(): stagingTableExpirationMs must be an integer of at least 3600000 (1 hour, BigQuery's minimum).",
    );
  }
  for (const [key, value] of Object.entries(options.labels ?? {})) {
    if (!LABEL_KEY.test(key) || !LABEL.test(value)) {
      throw new Error(
        `bigquery(): label ${JSON.stringify(key)}: ${JSON.stringify(value)} is invalid. Keys start with a lowercase ` +
          'letter; keys and values use lowercase letters, digits, "_" and "-", at most 63 characters.',
      );
    }
  }
}

/** The client auth options; undefined properties are left out so ADC applies. */
export function authOptions(credentials: BigQueryCredentials | undefined): BigQueryAuth {
  if (!credentials) return {};
  if ('authClient' in credentials) return { authClient: credentials.authClient };
  if ('keyFilename' in credentials) return { keyFilename: credentials.keyFilename };
  return { credentials: credentials.credentials };
}
