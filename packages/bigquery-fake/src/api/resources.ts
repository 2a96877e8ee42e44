import type { DatasetMeta, TableMeta } from '../catalog/catalog.js';
import type { TableFieldSchema } from '../catalog/types.js';
import type { FakeState } from './state.js';

const etag = (seed: number | string) => Buffer.from(String(seed)).toString('base64');

export function datasetResource(state: FakeState, datasetId: string, meta: DatasetMeta) {
  return {
    kind: 'bigquery#dataset',
    etag: etag(meta.lastModifiedTime),
    id: `${state.projectId}:${datasetId}`,
    selfLink: `${state.apiEndpoint}/bigquery/v2/projects/${state.projectId}/datasets/${datasetId}`,
    datasetReference: { projectId: state.projectId, datasetId },
    location: meta.location,
    creationTime: String(meta.creationTime),
    lastModifiedTime: String(meta.lastModifiedTime),
    type: 'DEFAULT',
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.defaultTableExpirationMs ? { defaultTableExpirationMs: meta.defaultTableExpirationMs } : {}),
  };
}

export function tableResource(
  state: FakeState,
  ref: { datasetId: string; tableId: string },
  meta: TableMeta,
  location: string,
  fields: TableFieldSchema[],
  numRows: number,
) {
  return {
    kind: 'bigquery#table',
    etag: etag(`${meta.lastModifiedTime}:${fields.length}`),
    id: `${state.projectId}:${ref.datasetId}.${ref.tableId}`,
    selfLink: `${state.apiEndpoint}/bigquery/v2/projects/${state.projectId}/datasets/${ref.datasetId}/tables/${ref.tableId}`,
    tableReference: { projectId: state.projectId, datasetId: ref.datasetId, tableId: ref.tableId },
    schema: { fields },
    numRows: String(numRows),
    numBytes: '0',
    creationTime: String(meta.creationTime),
    lastModifiedTime: String(meta.lastModifiedTime),
    type: 'TABLE',
    location,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.expirationTime ? { expirationTime: meta.expirationTime } : {}),
    ...(meta.timePartitioning ? { timePartitioning: meta.timePartitioning } : {}),
    ...(meta.clustering ? { clustering: meta.clustering } : {}),
  };
}
