import type { TableMeta } from '../catalog/catalog.js';
import { canonicalType, type TableFieldSchema } from '../catalog/types.js';
import { invalid, notFound } from '../errors.js';
import { encodeRows, timestampFormatOf } from '../rows/encode.js';
import { quoteIdent } from '../sql/literals.js';
import { type ApiRequest, type ApiResponse, jsonBody, noContent, ok, page } from './http-types.js';
import { tableResource } from './resources.js';
import type { FakeState } from './state.js';

interface TableBody {
  tableReference?: { projectId?: string; datasetId?: string; tableId?: string };
  schema?: { fields?: TableFieldSchema[] };
  description?: string | null;
  labels?: Record<string, string | null>;
  expirationTime?: string | null;
  timePartitioning?: { type: string; field?: string; expirationMs?: string } | null;
  clustering?: { fields: string[] } | null;
  view?: unknown;
}

export async function renderTable(state: FakeState, datasetId: string, tableId: string) {
  const meta = await state.catalog.requireTable(datasetId, tableId);
  const dataset = await state.catalog.datasetMeta(datasetId);
  const fields = await state.catalog.schema(datasetId, tableId);
  const numRows = await state.catalog.numRows(datasetId, tableId);
  return tableResource(state, { datasetId, tableId }, meta, dataset.location, fields, numRows);
}

export async function listTables(state: FakeState, datasetId: string, req: ApiRequest): Promise<ApiResponse> {
  await state.catalog.datasetMeta(datasetId);
  const ids = await state.catalog.tableIds(datasetId);
  const { items, nextPageToken } = page(ids, req.query);
  const tables = [];
  for (const tableId of items) {
    const r = await renderTable(state, datasetId, tableId);
    tables.push({
      kind: r.kind,
      id: r.id,
      tableReference: r.tableReference,
      type: r.type,
      creationTime: r.creationTime,
      ...(r.timePartitioning ? { timePartitioning: r.timePartitioning } : {}),
      ...(r.clustering ? { clustering: r.clustering } : {}),
      ...(r.expirationTime ? { expirationTime: r.expirationTime } : {}),
      ...(r.labels ? { labels: r.labels } : {}),
    });
  }
  return ok({
    kind: 'bigquery#tableList',
    etag: 'list',
    tables,
    totalItems: ids.length,
    ...(nextPageToken ? { nextPageToken } : {}),
  });
}

function checkLayout(body: TableBody, fields: readonly TableFieldSchema[]): void {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const partitionField = body.timePartitioning?.field;
  if (partitionField) {
    const f = byName.get(partitionField.toLowerCase());
    if (!f)
      throw invalid(
        `The field specified for time partitioning can only be found in the schema: ${partitionField}`,
      );
    if (!['DATE', 'TIMESTAMP', 'DATETIME'].includes(canonicalType(f.type) ?? '')) {
      throw invalid(
        `Partitioning field ${partitionField} has type ${f.type}; it must be DATE, TIMESTAMP or DATETIME.`,
      );
    }
  }
  const clustering = body.clustering?.fields ?? [];
  if (clustering.length > 4) throw invalid('Too many clustering fields: at most 4 are allowed');
  for (const c of clustering) {
    if (!byName.has(c.toLowerCase()))
      throw invalid(`The field specified for clustering cannot be found in the schema: ${c}`);
  }
}

export async function insertTable(
  state: FakeState,
  datasetId: string,
  req: ApiRequest,
): Promise<ApiResponse> {
  const body = jsonBody<TableBody>(req);
  const tableId = body.tableReference?.tableId;
  if (!tableId) throw invalid('Missing required field: tableReference.tableId');
  if (body.view) throw invalid('Views are not supported by the BigQuery fake.');
  const fields = body.schema?.fields ?? [];
  checkLayout(body, fields);
  await state.catalog.createTable({ datasetId, tableId }, fields, {
    ...(body.description ? { description: body.description } : {}),
    ...(body.labels ? { labels: body.labels as Record<string, string> } : {}),
    ...(body.expirationTime ? { expirationTime: String(body.expirationTime) } : {}),
    ...(body.timePartitioning ? { timePartitioning: body.timePartitioning } : {}),
    ...(body.clustering ? { clustering: body.clustering } : {}),
  });
  return ok(await renderTable(state, datasetId, tableId));
}

/** tables.patch and tables.update: schema changes follow BigQuery's rules; other properties are replaced. */
export async function patchTable(
  state: FakeState,
  datasetId: string,
  tableId: string,
  req: ApiRequest,
): Promise<ApiResponse> {
  const body = jsonBody<TableBody>(req);
  const meta = await state.catalog.requireTable(datasetId, tableId);
  const ref = { datasetId, tableId };
  state.catalog.countMetadataUpdate(ref);
  if (body.schema?.fields) {
    await state.db.run('BEGIN TRANSACTION');
    try {
      await state.catalog.updateSchema(ref, body.schema.fields);
      await state.db.run('COMMIT');
    } catch (error) {
      await state.db.run('ROLLBACK');
      throw error;
    }
  }
  const fields = await state.catalog.schema(datasetId, tableId);
  if (
    body.timePartitioning !== undefined &&
    JSON.stringify(body.timePartitioning) !== JSON.stringify(meta.timePartitioning)
  ) {
    if (
      meta.timePartitioning?.field !== body.timePartitioning?.field ||
      meta.timePartitioning?.type !== body.timePartitioning?.type
    ) {
      throw invalid(`Cannot change partitioning spec for table ${state.projectId}:${datasetId}.${tableId}`);
    }
  }
  checkLayout({ ...body, timePartitioning: null }, fields);
  const updated: TableMeta = { ...meta, lastModifiedTime: Date.now() };
  if (body.description !== undefined) {
    if (body.description === null) delete updated.description;
    else updated.description = body.description;
  }
  if (body.expirationTime !== undefined) {
    if (body.expirationTime === null) delete updated.expirationTime;
    else updated.expirationTime = String(body.expirationTime);
  }
  if (body.labels !== undefined) {
    const labels: Record<string, string> = { ...(updated.labels ?? {}) };
    for (const [k, v] of Object.entries(body.labels ?? {})) {
      if (v === null) delete labels[k];
      else labels[k] = v;
    }
    updated.labels = labels;
  }
  if (body.clustering !== undefined) {
    if (body.clustering === null) delete updated.clustering;
    else updated.clustering = body.clustering;
  }
  state.catalog.setTableMeta(datasetId, tableId, updated);
  return ok(await renderTable(state, datasetId, tableId));
}

export async function deleteTable(
  state: FakeState,
  datasetId: string,
  tableId: string,
): Promise<ApiResponse> {
  await state.catalog.deleteTable({ datasetId, tableId });
  return noContent();
}

/** tabledata.list */
export async function listRows(
  state: FakeState,
  datasetId: string,
  tableId: string,
  req: ApiRequest,
): Promise<ApiResponse> {
  await state.catalog.requireTable(datasetId, tableId);
  let fields = await state.catalog.schema(datasetId, tableId);
  const selected = req.query.get('selectedFields');
  if (selected) {
    const wanted = selected.split(',').map((s) => s.trim().toLowerCase());
    const missing = wanted.find((w) => !fields.some((f) => f.name.toLowerCase() === w));
    if (missing) throw notFound(`Field ${missing} not found in table ${datasetId}.${tableId}`);
    fields = fields.filter((f) => wanted.includes(f.name.toLowerCase()));
  }
  const total = await state.catalog.numRows(datasetId, tableId);
  const start = Number(req.query.get('pageToken') ?? req.query.get('startIndex') ?? 0);
  const max = Number(req.query.get('maxResults') ?? 100_000);
  const result = await state.db.run(
    `SELECT ${fields.map((f) => quoteIdent(f.name)).join(', ')} FROM ${quoteIdent(datasetId)}.${quoteIdent(tableId)} LIMIT ${max} OFFSET ${start}`,
  );
  const timestamps = timestampFormatOf(
    req.query.get('formatOptions.useInt64Timestamp') ?? undefined,
    req.query.get('formatOptions.timestampOutputFormat') ?? undefined,
  );
  const next = start + result.rows.length;
  return ok({
    kind: 'bigquery#tableDataList',
    etag: 'rows',
    totalRows: String(total),
    rows: encodeRows(result.rows, fields, timestamps),
    ...(next < total && result.rows.length > 0 ? { pageToken: String(next) } : {}),
  });
}
