import {
  BigQuery,
  type BigQueryOptions,
  type DatasetResource,
  type Job,
  type JobMetadata,
  type QueryParameter,
  type TableField,
  type TableMetadata,
} from '@google-cloud/bigquery';
import {
  BigQueryDestinationError,
  classifyGoogleError,
  type ErrorContext,
  readGoogleError,
} from '../errors.js';
import { backoffDelay, type RetryPolicy, sleep, withRetry } from '../retry.js';
import { type RawRow, rowsToObjects } from './rows.js';

/** How the client authenticates; secrets stay inside google-auth-library and never reach errors or state. */
export type BigQueryAuth = Pick<BigQueryOptions, 'authClient' | 'keyFilename' | 'credentials'>;

export interface BigQueryApiOptions {
  readonly projectId: string;
  readonly location: string;
  readonly apiEndpoint?: string;
  readonly auth: BigQueryAuth;
  readonly retry: RetryPolicy;
  readonly signal?: AbortSignal;
}

export interface DatasetSettings {
  readonly labels?: Readonly<Record<string, string>>;
  readonly defaultTableExpirationMs?: number;
}

/** Longest wait between two polls of a running job. */
const MAX_POLL_MS = 2000;

function statusOf(error: unknown): number | undefined {
  return readGoogleError(error).status;
}

/**
 * A thin shell over @google-cloud/bigquery: every call is retried with backoff on transient errors and comes
 * out as a classified {@link BigQueryDestinationError}. The client's own retries are off so that retries are
 * counted and bounded in one place.
 */
export class BigQueryApi {
  readonly client: BigQuery;
  readonly projectId: string;
  readonly location: string;
  readonly #retry: RetryPolicy;
  readonly #signal: AbortSignal | undefined;
  #credentials: Promise<void> | undefined;

  constructor(options: BigQueryApiOptions) {
    this.projectId = options.projectId;
    this.location = options.location;
    this.#retry = options.retry;
    this.#signal = options.signal;
    this.client = new BigQuery({
      projectId: options.projectId,
      location: options.location,
      ...(options.apiEndpoint === undefined ? {} : { apiEndpoint: options.apiEndpoint }),
      ...options.auth,
      retryOptions: { autoRetry: false, maxRetries: 0 },
    });
  }

  context(operation: string): ErrorContext {
    return { operation, projectId: this.projectId, location: this.location };
  }

  async #call<T>(operation: string, attempt: (attemptNumber: number) => Promise<T>): Promise<T> {
    await this.#checkCredentials();
    return withRetry(this.#retry, this.context(operation), attempt, this.#signal);
  }

  /**
   * Resolves the credentials once, before the first request: the client reports missing application default
   * credentials as an unhandled rejection deep inside its request stack instead of failing the call.
   */
  #checkCredentials(): Promise<void> {
    this.#credentials ??= this.client.authClient.getClient().then(
      () => undefined,
      (error: unknown) => {
        this.#credentials = undefined;
        throw new BigQueryDestinationError(
          { reason: 'authError', message: readGoogleError(error).message },
          this.context('loading credentials'),
        );
      },
    );
    return this.#credentials;
  }

  async getDataset(datasetId: string): Promise<DatasetResource | null> {
    return this.#call(`reading dataset ${datasetId}`, async () => {
      try {
        const [metadata] = await this.client.dataset(datasetId).getMetadata();
        return metadata as DatasetResource;
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    });
  }

  /** Creates the dataset in the configured location, or checks that an existing one is there. */
  async ensureDataset(datasetId: string, settings: DatasetSettings): Promise<void> {
    let existing = await this.getDataset(datasetId);
    if (!existing) {
      existing = await this.#call(`creating dataset ${datasetId}`, async () => {
        try {
          const [dataset] = await this.client.createDataset(datasetId, {
            location: this.location,
            ...(settings.labels ? { labels: { ...settings.labels } } : {}),
            ...(settings.defaultTableExpirationMs === undefined
              ? {}
              : { defaultTableExpirationMs: String(settings.defaultTableExpirationMs) }),
          });
          return (dataset.metadata as DatasetResource | undefined) ?? { location: this.location };
        } catch (error) {
          // Created meanwhile by another run: fine, check its location below.
          if (statusOf(error) === 409) return null;
          throw error;
        }
      });
      existing ??= await this.getDataset(datasetId);
    }
    const location = existing?.location;
    if (location && location.toLowerCase() !== this.location.toLowerCase()) {
      throw new BigQueryDestinationError(
        {
          reason: 'invalid',
          message: `Dataset ${this.projectId}:${datasetId} is in location ${location}, not in location ${this.location} (location mismatch)`,
        },
        this.context(`opening dataset ${datasetId}`),
      );
    }
  }

  async getTable(datasetId: string, tableId: string): Promise<TableMetadata | null> {
    return this.#call(`reading table ${datasetId}.${tableId}`, async () => {
      try {
        const [metadata] = await this.client.dataset(datasetId).table(tableId).getMetadata();
        return metadata as TableMetadata;
      } catch (error) {
        if (statusOf(error) === 404 && classifyGoogleError(readGoogleError(error)) !== 'location_mismatch') {
          return null;
        }
        throw error;
      }
    });
  }

  /** Creates a table; returns false when it already exists. */
  async createTable(datasetId: string, tableId: string, metadata: TableMetadata): Promise<boolean> {
    return this.#call(`creating table ${datasetId}.${tableId}`, async () => {
      try {
        await this.client.dataset(datasetId).createTable(tableId, metadata);
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw error;
      }
    });
  }

  /** One metadata update: the full new field list (BigQuery only appends NULLABLE fields). */
  async patchTableSchema(datasetId: string, tableId: string, fields: readonly TableField[]): Promise<void> {
    await this.#call(`adding columns to table ${datasetId}.${tableId}`, async () => {
      await this.client
        .dataset(datasetId)
        .table(tableId)
        .setMetadata({ schema: { fields: [...fields] } });
    });
  }

  async deleteTable(datasetId: string, tableId: string): Promise<void> {
    await this.#call(`dropping table ${datasetId}.${tableId}`, async () => {
      try {
        await this.client.dataset(datasetId).table(tableId).delete();
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  /** Runs a query or script job to completion; returns its rows (none for scripts and DML). */
  async query(
    sql: string,
    parameters: readonly QueryParameter[],
    operation: string,
    readRows = true,
  ): Promise<Record<string, unknown>[]> {
    const job = await this.#runJob(operation, async (jobId) => {
      const [created] = await this.client.createJob({
        jobId,
        location: this.location,
        configuration: {
          query: {
            query: sql,
            useLegacySql: false,
            ...(parameters.length > 0 ? { parameterMode: 'NAMED', queryParameters: [...parameters] } : {}),
          },
        },
      });
      return created;
    });
    return readRows ? this.#readResults(job, operation) : [];
  }

  /** Loads one newline-delimited JSON file with a load job (free, unlike streaming inserts). */
  async loadJsonl(
    path: string,
    datasetId: string,
    tableId: string,
    fields: readonly TableField[],
    operation: string,
  ): Promise<number> {
    const table = this.client.dataset(datasetId, { location: this.location }).table(tableId, {
      location: this.location,
    });
    const job = await this.#runJob(operation, async (jobId) => {
      const [created] = await table.createLoadJob(path, {
        jobId,
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        schema: { fields: [...fields] },
        writeDisposition: 'WRITE_APPEND',
        createDisposition: 'CREATE_NEVER',
        ignoreUnknownValues: false,
        maxBadRecords: 0,
      });
      return created;
    });
    const outputRows = job.metadata?.statistics?.load?.outputRows;
    return outputRows === undefined || outputRows === null ? 0 : Number(outputRows);
  }

  /**
   * Starts a job and waits for it. A retried request reuses the job id, so a job the first request already
   * created is not run twice (409 means: it exists, wait for it). A job that ran and failed transiently is
   * run again under a new id.
   */
  async #runJob(operation: string, start: (jobId: string) => Promise<Job>): Promise<Job> {
    await this.#checkCredentials();
    const base = `sluice_${crypto.randomUUID().replaceAll('-', '')}`;
    for (let generation = 0; ; generation++) {
      const jobId = `${base}_${generation}`;
      const job = await withRetry(
        this.#retry,
        this.context(operation),
        async () => {
          try {
            return await start(jobId);
          } catch (error) {
            if (statusOf(error) === 409) return this.client.job(jobId, { location: this.location });
            throw error;
          }
        },
        this.#signal,
      );
      const metadata = await this.#waitForJob(job, operation);
      if (!metadata.status?.errorResult) {
        job.metadata = metadata;
        return job;
      }
      const failure = new BigQueryDestinationError(
        readGoogleError(metadata.status),
        this.context(`${operation} (job ${jobId})`),
        generation + 1,
      );
      if (!failure.retryable || generation + 1 >= this.#retry.maxAttempts) throw failure;
      await sleep(backoffDelay(this.#retry, generation), this.#signal);
    }
  }

  async #waitForJob(job: Job, operation: string): Promise<JobMetadata> {
    let delay = 50;
    for (;;) {
      const metadata =
        job.metadata?.status?.state === 'DONE'
          ? (job.metadata as JobMetadata)
          : await withRetry(
              this.#retry,
              this.context(`${operation} (waiting for job ${job.id})`),
              async () => (await job.getMetadata())[0] as JobMetadata,
              this.#signal,
            );
      if (metadata.status?.state === 'DONE') return metadata;
      job.metadata = metadata;
      await sleep(delay, this.#signal);
      delay = Math.min(MAX_POLL_MS, delay * 2);
    }
  }

  async #readResults(job: Job, operation: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let pageToken: string | undefined;
    do {
      const token = pageToken;
      const [raw, , response] = await withRetry(
        this.#retry,
        this.context(`${operation} (reading results)`),
        () =>
          job.getQueryResults({
            autoPaginate: false,
            skipParsing: true,
            ...(token === undefined ? {} : { pageToken: token }),
          }),
        this.#signal,
      );
      rows.push(...rowsToObjects(response?.schema?.fields ?? [], raw as unknown as RawRow[]));
      pageToken = response?.pageToken ?? undefined;
    } while (pageToken);
    return rows;
  }
}
