import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Rewrites the JSON body of a response to `path` (below the origin, without the query), or leaves it. */
export type BodyRewrite = (path: string, body: unknown) => unknown;

export interface RecordingProxy {
  /** Origin of the proxy, e.g. http://127.0.0.1:5123 (point the CLI at `${url}/api/v2`). */
  readonly url: string;
  /** `METHOD /path?query` of every request, in order. */
  readonly requests: string[];
  /** Replaces the rewrite (undefined: pass answers through unchanged). */
  rewrite(fn: BodyRewrite | undefined): void;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A loopback HTTP proxy in front of `target` that records each request line with its query (the simulator's
 * log has paths only) and can rewrite JSON answers: a Freshdesk that changed in a way no API call can make,
 * e.g. a customer editing their satisfaction rating in the survey.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const requests: string[] = [];
  let rewrite: BodyRewrite | undefined;
  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      requests.push(`${req.method} ${url}`);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers.set(k, v);
      }
      const body = await readBody(req);
      const answer = await fetch(`${target}${url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      let out = Buffer.from(await answer.arrayBuffer());
      const path = url.split('?')[0] ?? url;
      if (rewrite && answer.ok && (answer.headers.get('content-type') ?? '').includes('json')) {
        out = Buffer.from(JSON.stringify(rewrite(path, JSON.parse(out.toString('utf8')))));
      }
      const copied: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (
          !['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)
        )
          copied[k] = v;
      });
      res.writeHead(answer.status, { ...copied, 'content-length': String(out.length) });
      res.end(out);
    })().catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    rewrite: (fn) => {
      rewrite = fn;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
