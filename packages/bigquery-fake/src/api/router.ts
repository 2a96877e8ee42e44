import { BigQueryApiError } from '../errors.js';
import * as datasets from './datasets.js';
import type { ApiRequest, ApiResponse } from './http-types.js';
import * as jobs from './jobs.js';
import type { FakeState } from './state.js';
import * as tables from './tables.js';
import * as uploads from './uploads.js';

const API = '/bigquery/v2/projects/';
const UPLOAD = '/upload/bigquery/v2/projects/';

const methodNotAllowed = (req: ApiRequest) =>
  new BigQueryApiError(404, 'notFound', `The BigQuery fake has no route for ${req.method} ${req.path}`);

/** Dispatches a REST call (paths as the @google-cloud/bigquery client sends them). */
export async function route(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const upload = req.path.startsWith(UPLOAD);
  if (!upload && !req.path.startsWith(API)) throw methodNotAllowed(req);
  const segments = req.path
    .slice(upload ? UPLOAD.length : API.length)
    .split('/')
    .map((s) => decodeURIComponent(s));
  const [projectId, collection, id, sub, subId, leaf] = segments;
  if (projectId !== state.projectId) {
    throw new BigQueryApiError(
      404,
      'notFound',
      `Not found: Project ${projectId} (the fake serves ${state.projectId})`,
    );
  }
  const m = req.method;
  if (upload) {
    if (collection !== 'jobs' || id !== undefined) throw methodNotAllowed(req);
    if (m === 'POST' && !req.query.get('upload_id')) return uploads.startUpload(state, req);
    if (m === 'PUT' || m === 'POST') return uploads.continueUpload(state, req);
    throw methodNotAllowed(req);
  }
  if (collection === 'datasets') {
    if (id === undefined) {
      if (m === 'GET') return datasets.listDatasets(state, req);
      if (m === 'POST') return datasets.insertDataset(state, req);
    } else if (sub === undefined) {
      if (m === 'GET') return datasets.getDataset(state, id);
      if (m === 'PATCH' || m === 'PUT') return datasets.updateDataset(state, id, req);
      if (m === 'DELETE') return datasets.deleteDataset(state, id, req);
    } else if (sub === 'tables') {
      if (subId === undefined) {
        if (m === 'GET') return tables.listTables(state, id, req);
        if (m === 'POST') return tables.insertTable(state, id, req);
      } else if (leaf === undefined) {
        if (m === 'GET') return { status: 200, body: await tables.renderTable(state, id, subId) };
        if (m === 'PATCH' || m === 'PUT') return tables.patchTable(state, id, subId, req);
        if (m === 'DELETE') return tables.deleteTable(state, id, subId);
      } else if (leaf === 'data' && m === 'GET') {
        return tables.listRows(state, id, subId, req);
      }
    }
  } else if (collection === 'jobs') {
    if (id === undefined) {
      if (m === 'POST') return jobs.insertJob(state, req);
      if (m === 'GET') return jobs.listJobs(state);
    } else if (sub === undefined && m === 'GET') {
      return jobs.getJob(state, id, req);
    } else if (sub === 'cancel' && m === 'POST') {
      return jobs.cancelJob(state, id, req);
    }
  } else if (collection === 'queries') {
    if (id === undefined && m === 'POST') return jobs.query(state, req);
    if (id !== undefined && m === 'GET') return jobs.getQueryResults(state, id, req);
  }
  throw methodNotAllowed(req);
}
