import { createSqlClient, type Destination } from '@sluice/loader-core';
import { BigQueryApi, type BigQueryApiOptions } from './bigquery/api.js';
import {
  authOptions,
  type BigQueryDestinationOptions,
  DEFAULT_STAGING_EXPIRATION_MS,
  validateOptions,
} from './options.js';
import { type RetryPolicy, retryPolicy } from './retry.js';
import { BIGQUERY_CAPABILITIES, BigQuerySqlDriver, type BigQuerySqlDriverConfig } from './sql-driver.js';

/**
 * The BigQuery destination: files load into expiring staging tables with load jobs, and one multi-statement
 * transaction per package moves them into the final tables together with state and the loads row.
 *
 * ```ts
 * createPipeline({ name: 'freshdesk', dataset: 'freshdesk', destination: bigquery({ projectId: 'acme', location: 'EU' }) });
 * ```
 */
export function bigquery(options: BigQueryDestinationOptions): Destination {
  validateOptions(options);
  const retry = retryPolicy(options.retry);
  return {
    capabilities: BIGQUERY_CAPABILITIES,
    connect: async (connect) => {
      const dataset = options.dataset ?? connect.dataset;
      const api = new BigQueryApi(apiOptions(options, retry, connect.signal));
      return createSqlClient(new BigQuerySqlDriver(driverConfig(options, api, dataset)), { dataset });
    },
  };
}

/** The API shell's settings for these options (credentials resolve on the first request). */
export function apiOptions(
  options: BigQueryDestinationOptions,
  retry: RetryPolicy,
  signal?: AbortSignal,
): BigQueryApiOptions {
  return {
    projectId: options.projectId,
    location: options.location,
    ...(options.apiEndpoint === undefined ? {} : { apiEndpoint: options.apiEndpoint }),
    auth: authOptions(options.credentials),
    retry,
    ...(signal === undefined ? {} : { signal }),
  };
}

/** The driver's settings for these options; `dataset` is the final dataset (option or pipeline's). */
export function driverConfig(
  options: BigQueryDestinationOptions,
  api: BigQueryApi,
  dataset: string,
): BigQuerySqlDriverConfig {
  return {
    api,
    dataset,
    stagingDataset: options.stagingDataset ?? `${dataset}_staging`,
    stagingTableExpirationMs: options.stagingTableExpirationMs ?? DEFAULT_STAGING_EXPIRATION_MS,
    labels: options.labels ?? {},
    partitionGranularity: options.partitionGranularity ?? 'DAY',
  };
}
