import { invalid } from '../errors.js';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** Parses a `multipart/related` body (what the client's upload sends: JSON metadata, then the data). */
export function parseMultipart(contentType: string | undefined, body: Buffer): Part[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) throw invalid('Multipart upload without a boundary in Content-Type');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    start += body[start] === 0x0d ? 2 : 1; // CRLF or LF after the delimiter
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (body[end - 1] === 0x0a) end -= 1;
    if (body[end - 1] === 0x0d) end -= 1;
    const chunk = body.subarray(start, end);
    let headerEnd = chunk.indexOf('\r\n\r\n');
    let sep = 4;
    if (headerEnd === -1) {
      headerEnd = chunk.indexOf('\n\n');
      sep = 2;
    }
    const headerText = headerEnd === -1 ? '' : chunk.subarray(0, headerEnd).toString('utf8');
    const headers: Record<string, string> = {};
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: headerEnd === -1 ? chunk : chunk.subarray(headerEnd + sep) });
    at = next;
  }
  return parts;
}
