import type { BigQueryFake } from '@sluice/bigquery-fake';
import { type Destination, type SqlLoadSession, sqlDestination } from '@sluice/loader-core';
import { BigQueryApi } from '../../src/bigquery/api.js';
import { apiOptions, driverConfig } from '../../src/destination.js';
import { type BigQueryDestinationOptions, validateOptions } from '../../src/options.js';
import { retryPolicy } from '../../src/retry.js';
import { BIGQUERY_CAPABILITIES, BigQuerySqlDriver } from '../../src/sql-driver.js';
import { fakeOptions } from './fake.js';

/** Test code that runs at a point of each load session, with the final dataset's name. */
export interface SessionHooks {
  /** Right before the commit transaction is sent. */
  readonly beforeCommit?: (dataset: string) => Promise<void>;
  /** Right before each file's load job. */
  readonly beforeLoadFile?: (dataset: string) => Promise<void>;
}

export interface HookedDestinationOptions {
  /** Destination options over the fake's defaults (preset token, fast retries). */
  readonly options?: Partial<BigQueryDestinationOptions>;
  /** The API shell to use instead of the one the options describe (e.g. with credentials the test prepared). */
  readonly api?: BigQueryApi;
}

/** The API shell `bigquery(options)` builds. */
export function apiFor(options: BigQueryDestinationOptions, signal?: AbortSignal): BigQueryApi {
  return new BigQueryApi(apiOptions(options, retryPolicy(options.retry), signal));
}

/**
 * The destination exactly as `bigquery(options)` builds it (same API shell and driver settings), with test
 * hooks inside each load session.
 */
export function destinationWithHooks(
  fake: BigQueryFake,
  hooks: SessionHooks,
  hooked: HookedDestinationOptions = {},
): Destination {
  const options = fakeOptions(fake, hooked.options);
  validateOptions(options);
  return sqlDestination(BIGQUERY_CAPABILITIES, async (connect) => {
    const dataset = options.dataset ?? connect.dataset;
    const driver = new BigQuerySqlDriver(
      driverConfig(options, hooked.api ?? apiFor(options, connect.signal), dataset),
    );
    const beginLoad = driver.beginLoad.bind(driver);
    driver.beginLoad = async (loadId: string): Promise<SqlLoadSession> => {
      const session = await beginLoad(loadId);
      const { beforeCommit, beforeLoadFile } = hooks;
      if (beforeCommit) {
        const commit = session.commit.bind(session);
        session.commit = async () => {
          await beforeCommit(dataset);
          await commit();
        };
      }
      if (beforeLoadFile) {
        const loadFile = session.loadFile.bind(session);
        session.loadFile = async (...args) => {
          await beforeLoadFile(dataset);
          return loadFile(...args);
        };
      }
      return session;
    };
    return driver;
  });
}

/** The destination with a hook that runs right before each commit. */
export function destinationWithCommitHook(
  fake: BigQueryFake,
  beforeCommit: (dataset: string) => Promise<void>,
): Destination {
  return destinationWithHooks(fake, { beforeCommit });
}
