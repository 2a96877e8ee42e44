import type { DatasetMeta } from '../catalog/catalog.js';
import { invalid, notFound } from '../errors.js';
import { type ApiRequest, type ApiResponse, jsonBody, noContent, ok, page } from './http-types.js';
import { datasetResource } from './resources.js';
import type { FakeState } from './state.js';

interface DatasetBody {
  datasetReference?: { projectId?: string; datasetId?: string };
  location?: string;
  description?: string;
  labels?: Record<string, string>;
  defaultTableExpirationMs?: string;
}

const metaPatch = (body: DatasetBody): Partial<DatasetMeta> => ({
  ...(body.location ? { location: body.location } : {}),
  ...(body.description !== undefined ? { description: body.description } : {}),
  ...(body.labels ? { labels: body.labels } : {}),
  ...(body.defaultTableExpirationMs
    ? { defaultTableExpirationMs: String(body.defaultTableExpirationMs) }
    : {}),
});

export async function listDatasets(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const ids = await state.catalog.datasetIds();
  const { items, nextPageToken } = page(ids, req.query);
  const datasets = [];
  for (const id of items) {
    const r = datasetResource(state, id, await state.catalog.datasetMeta(id));
    datasets.push({
      kind: r.kind,
      id: r.id,
      datasetReference: r.datasetReference,
      location: r.location,
      labels: r.labels,
    });
  }
  return ok({
    kind: 'bigquery#datasetList',
    etag: 'list',
    datasets,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

export async function insertDataset(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const body = jsonBody<DatasetBody>(req);
  const datasetId = body.datasetReference?.datasetId;
  if (!datasetId) throw invalid('Missing required field: datasetReference.datasetId');
  if (body.datasetReference?.projectId && body.datasetReference.projectId !== state.projectId) {
    throw notFound(`Not found: Project ${body.datasetReference.projectId}`);
  }
  const meta = await state.catalog.createDataset(datasetId, metaPatch(body));
  return ok(datasetResource(state, datasetId, meta));
}

export async function getDataset(state: FakeState, datasetId: string): Promise<ApiResponse> {
  return ok(datasetResource(state, datasetId, await state.catalog.datasetMeta(datasetId)));
}

export async function updateDataset(
  state: FakeState,
  datasetId: string,
  req: ApiRequest,
): Promise<ApiResponse> {
  const meta = await state.catalog.updateDataset(datasetId, metaPatch(jsonBody<DatasetBody>(req)));
  return ok(datasetResource(state, datasetId, meta));
}

export async function deleteDataset(
  state: FakeState,
  datasetId: string,
  req: ApiRequest,
): Promise<ApiResponse> {
  await state.catalog.deleteDataset(datasetId, req.query.get('deleteContents') === 'true');
  return noContent();
}
