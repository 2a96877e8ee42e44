import { randomUUID } from 'node:crypto';
import { invalid, notFound } from '../errors.js';
import { parseMultipart } from '../http/multipart.js';
import { type ApiRequest, type ApiResponse, jsonBody, ok } from './http-types.js';
import { runJob } from './jobs.js';
import type { FakeState } from './state.js';

type JobBody = Parameters<typeof runJob>[1];

/** POST /upload/bigquery/v2/projects/P/jobs?uploadType=multipart|resumable */
export async function startUpload(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const uploadType = req.query.get('uploadType');
  if (uploadType === 'multipart') {
    const parts = parseMultipart(req.headers['content-type'], req.body);
    const [metadata, data] = parts;
    if (!metadata || !data) throw invalid('Multipart upload needs two parts: job metadata (JSON) and data');
    const body = JSON.parse(metadata.body.toString('utf8')) as JobBody;
    return ok((await runJob(state, body, data.body)).resource);
  }
  if (uploadType === 'resumable') {
    const uploadId = randomUUID();
    state.uploads.set(uploadId, {
      metadata: jsonBody<Record<string, unknown>>(req),
      chunks: [],
      received: 0,
    });
    const location = `${state.apiEndpoint}/upload/bigquery/v2/projects/${state.projectId}/jobs?uploadType=resumable&upload_id=${uploadId}`;
    return { status: 200, headers: { location }, body: {} };
  }
  if (uploadType === 'media') throw invalid('uploadType=media is not supported: job metadata is required.');
  throw invalid(`Unknown uploadType ${uploadType ?? '(missing)'}; use multipart or resumable.`);
}

/**
 * PUT (or POST) to a resumable session: `Content-Range: bytes a-b/*` appends a chunk (308 Resume Incomplete),
 * `bytes a-b/total` or no Content-Range finishes it, `bytes *\/*` asks how much was received.
 */
export async function continueUpload(state: FakeState, req: ApiRequest): Promise<ApiResponse> {
  const uploadId = req.query.get('upload_id') ?? '';
  const session = state.uploads.get(uploadId);
  if (!session) throw notFound(`Not found: upload session ${uploadId}`);
  if (session.jobId) return ok(state.jobs.get(session.jobId)?.resource);
  const range = req.headers['content-range'];
  const incomplete = (): ApiResponse => ({
    status: 308,
    headers: session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {},
  });
  let total: number | undefined;
  if (range) {
    const m = /^bytes (\*|(\d+)-(\d+))\/(\*|\d+)$/.exec(range.trim());
    if (!m) throw invalid(`Malformed Content-Range: ${range}`);
    if (m[1] !== '*') {
      const start = Number(m[2]);
      if (start !== session.received) {
        // The client must resume exactly where the server stopped; tell it where that is.
        return incomplete();
      }
      session.chunks.push(req.body);
      session.received += req.body.length;
    }
    total = m[4] === '*' ? undefined : Number(m[4]);
    if (total === undefined || session.received < total) return incomplete();
  } else {
    session.chunks.push(req.body);
    session.received += req.body.length;
  }
  const record = await runJob(state, session.metadata as JobBody, Buffer.concat(session.chunks));
  session.jobId = record.resource.jobReference.jobId;
  session.chunks = [];
  return ok(record.resource);
}
