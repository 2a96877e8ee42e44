import { randomUUID } from 'node:crypto';
import { BigQueryApiError, duplicate, invalid, notFound, toApiError } from '../errors.js';
import { type LoadJobConfiguration, runLoad } from '../jobs/load.js';
import { type QueryJobConfiguration, runQuery } from '../jobs/query.js';
import type { JobRecord, JobResource } from '../jobs/store.js';
import { encodeRows, timestampFormatOf } from '../rows/encode.js';
import { type ApiRequest, type ApiResponse, jsonBody, ok } from './http-types.js';
import type { FakeState } from './state.js';

interface JobBody {
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  configuration?: {
    query?: QueryJobConfiguration & { destinationTable?: unknown };
    load?: LoadJobConfiguration;
    copy?: unknown;
    extract?: unknown;
    dryRun?: boolean;
    labels?: Record<string, string>;
  };
}

/** Where a job runs: its explicit location, else the location of the dataset it touches. */
async function jobLocation(state: FakeState, body: JobBody): Promise<string> {
  if (body.jobReference?.location) return body.jobReference.location;
  const datasetId =
    body.configuration?.load?.destinationTable?.datasetId ??
    body.configuration?.query?.defaultDataset?.datasetId;
  if (datasetId && (await state.catalog.hasDataset(datasetId))) {
    return (await state.catalog.datasetMeta(datasetId)).location;
  }
  return state.location;
}

function takeJobFailure(state: FakeState, jobType: 'QUERY' | 'LOAD'): BigQueryApiError | undefined {
  const failure = state.injectedJobFailures.find(
    (f) => f.remaining > 0 && (!f.jobType || f.jobType === jobType),
  );
  if (!failure) return undefined;
  failure.remaining -= 1;
  return new BigQueryApiError(failure.reason === 'backendError' ? 503 : 400, failure.reason, failure.message);
}

/** Creates and runs a job to completion; failures end up in `status.errorResult` like BigQuery's. */
export async function runJob(state: FakeState, body: JobBody, data?: Buffer): Promise<JobRecord> {
  const jobId = body.jobReference?.jobId ?? `job_${randomUUID().replaceAll('-', '_')}`;
  if (body.jobReference?.projectId && body.jobReference.projectId !== state.projectId) {
    throw notFound(`Not found: Project ${body.jobReference.projectId}`);
  }
  const location = await jobLocation(state, body);
  if (state.jobs.has(jobId)) throw duplicate(`Already Exists: Job ${state.projectId}:${location}.${jobId}`);
  const config = body.configuration ?? {};
  const jobType = config.load ? 'LOAD' : config.query ? 'QUERY' : undefined;
  if (!jobType) {
    throw new BigQueryApiError(
      501,
      'notImplemented',
      'The BigQuery fake runs query and load jobs only (no copy/extract).',
    );
  }
  const created = Date.now();
  const resource: JobResource = {
    kind: 'bigquery#job',
    etag: Buffer.from(jobId).toString('base64'),
    id: `${state.projectId}:${location}.${jobId}`,
    selfLink: `${state.apiEndpoint}/bigquery/v2/projects/${state.projectId}/jobs/${jobId}?location=${location}`,
    user_email: 'fake-user@bigquery-fake.invalid',
    jobReference: { projectId: state.projectId, jobId, location },
    configuration: { ...config, jobType },
    status: { state: 'DONE' },
    statistics: { creationTime: String(created), startTime: String(created) },
  };
  const record: JobRecord = { resource };
  state.jobs.put(record);
  try {
    const injected = takeJobFailure(state, jobType);
    if (injected) throw injected;
    if (jobType === 'QUERY') {
      await runQueryJob(
        state,
        record,
        config.query as QueryJobConfiguration,
        location,
        config.dryRun === true,
      );
    } else {
      if (!data) {
        throw invalid(
          'The BigQuery fake has no Cloud Storage: load data through the upload endpoint, not sourceUris.',
        );
      }
      const outcome = await runLoad(
        { db: state.db, catalog: state.catalog, location },
        config.load as LoadJobConfiguration,
        data,
      );
      resource.statistics.load = {
        inputFiles: '1',
        inputFileBytes: String(outcome.inputFileBytes),
        outputRows: String(outcome.outputRows),
        outputBytes: '0',
        badRecords: String(outcome.badRecords),
      };
    }
  } catch (error) {
    const apiError = toApiError(error);
    resource.status = { state: 'DONE', errorResult: apiError.toErrorResult(), errors: apiError.errors };
  }
  resource.statistics.endTime = String(Date.now());
  return record;
}

async function runQueryJob(
  state: FakeState,
  record: JobRecord,
  config: QueryJobConfiguration & { destinationTable?: unknown },
  location: string,
  dryRun: boolean,
): Promise<void> {
  if (config.destinationTable) {
    throw invalid(
      'The BigQuery fake does not write query results to a destinationTable; use INSERT ... SELECT.',
    );
  }
  const entry = {
    jobId: record.resource.jobReference.jobId,
    sql: config.query ?? '',
    duckdb: [] as string[],
    ok: false,
  };
  state.queries.push(entry);
  const outcome = await runQuery(
    {
      db: state.db,
      catalog: state.catalog,
      location,
      ...(state.analyzer ? { analyzer: state.analyzer } : {}),
    },
    { ...config, ...(dryRun ? { dryRun } : {}) },
  );
  entry.duckdb = outcome.executed;
  entry.ok = true;
  record.schema = outcome.schema;
  record.rows = outcome.rows;
  record.executed = outcome.executed;
  if (outcome.numDmlAffectedRows !== undefined) record.numDmlAffectedRows = outcome.numDmlAffectedRows;
  record.resource.statistics.query = {
    statementType: outcome.statementType,
    totalBytesProcessed: '0',
    totalBytesBilled: '0',
    cacheHit: false,
    schema: { fields: outcome.schema },
    ...(outcome.numDmlAffectedRows !== undefined
      ? { numDmlAffectedRows: String(outcome.numDmlAffectedRows) }
      : {}),
  };
  record.resource.statistics.totalBytesProcessed = '0';
}

export async function insertJob(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const record = await runJob(state, jsonBody<JobBody>(req));
  return ok(record.resource);
}

function findJob(state: FakeState, jobId: string, req: ApiRequest): JobRecord {
  const record = state.jobs.get(jobId);
  const location = req.query.get('location');
  if (!record || (location && location !== record.resource.jobReference.location)) {
    throw notFound(`Not found: Job ${state.projectId}:${location ?? state.location}.${jobId}`);
  }
  return record;
}

export function getJob(state: FakeState, jobId: string, req: ApiRequest): ApiResponse {
  return ok(findJob(state, jobId, req).resource);
}

export function cancelJob(state: FakeState, jobId: string, req: ApiRequest): ApiResponse {
  return ok({ kind: 'bigquery#jobCancelResponse', job: findJob(state, jobId, req).resource });
}

export function listJobs(state: FakeState): ApiResponse {
  return ok({
    kind: 'bigquery#jobList',
    jobs: state.jobs.all().map((j) => ({ ...j.resource, state: j.resource.status.state })),
  });
}

/** Throws the job's error the way jobs.getQueryResults / jobs.query report a failed query. */
function throwIfFailed(record: JobRecord): void {
  const error = record.resource.status.errorResult;
  if (!error) return;
  const status =
    error.reason === 'notFound'
      ? 404
      : error.reason === 'backendError'
        ? 503
        : error.reason === 'accessDenied' || error.reason === 'rateLimitExceeded'
          ? 403
          : 400;
  throw new BigQueryApiError(
    status,
    error.reason,
    error.message,
    (record.resource.status.errors ?? []).slice(1),
  );
}

function queryResults(
  record: JobRecord,
  params: { maxResults?: number; start?: number; useInt64?: unknown; format?: unknown },
) {
  const rows = record.rows ?? [];
  const start = params.start ?? 0;
  const max = params.maxResults ?? 100_000;
  const slice = rows.slice(start, start + max);
  const next = start + slice.length;
  const schema = record.schema ?? [];
  return {
    jobReference: record.resource.jobReference,
    jobComplete: true,
    totalRows: String(rows.length),
    totalBytesProcessed: '0',
    cacheHit: false,
    ...(schema.length > 0
      ? {
          schema: { fields: schema },
          rows: encodeRows(slice, schema, timestampFormatOf(params.useInt64, params.format)),
        }
      : {}),
    ...(next < rows.length ? { pageToken: String(next) } : {}),
    ...(record.numDmlAffectedRows !== undefined
      ? { numDmlAffectedRows: String(record.numDmlAffectedRows) }
      : {}),
  };
}

/** jobs.getQueryResults */
export function getQueryResults(state: FakeState, jobId: string, req: ApiRequest): ApiResponse {
  const record = findJob(state, jobId, req);
  throwIfFailed(record);
  const q = req.query;
  return ok({
    kind: 'bigquery#getQueryResultsResponse',
    etag: 'results',
    ...queryResults(record, {
      ...(q.get('maxResults') ? { maxResults: Number(q.get('maxResults')) } : {}),
      start: Number(q.get('pageToken') ?? q.get('startIndex') ?? 0),
      useInt64: q.get('formatOptions.useInt64Timestamp') ?? undefined,
      format: q.get('formatOptions.timestampOutputFormat') ?? undefined,
    }),
  });
}

interface QueryRequestBody extends QueryJobConfiguration {
  location?: string;
  maxResults?: number;
  formatOptions?: { useInt64Timestamp?: boolean; timestampOutputFormat?: string };
  labels?: Record<string, string>;
}

/** jobs.query: the client's fast path for `bigquery.query()`. */
export async function query(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const body = jsonBody<QueryRequestBody>(req);
  const { location, maxResults, formatOptions, dryRun, ...config } = body;
  const jobBody: JobBody = {
    ...(location ? { jobReference: { location } } : {}),
    configuration: { query: config, ...(dryRun ? { dryRun } : {}) },
  };
  const record = await runJob(state, jobBody);
  throwIfFailed(record);
  return ok({
    kind: 'bigquery#queryResponse',
    ...queryResults(record, {
      ...(maxResults ? { maxResults } : {}),
      useInt64: formatOptions?.useInt64Timestamp,
      format: formatOptions?.timestampOutputFormat,
    }),
  });
}
