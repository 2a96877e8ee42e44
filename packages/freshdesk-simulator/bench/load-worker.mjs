// Load generator for pages.bench.ts, in plain JavaScript so it runs in a worker thread without a TS loader.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const CONNECTIONS = 8;

function fetchPage(agent, config, page) {
  const url =
    `${config.baseUrl}/tickets?updated_since=2000-01-01T00:00:00Z&order_by=updated_at&order_type=asc` +
    `&per_page=100&page=${page}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: config.authorization } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(config, durationMs) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let pages = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const size = await fetchPage(agent, config, (next++ % config.pages) + 1);
        bytes += size;
        pages++;
      }
    }),
  );
  agent.destroy();
  return { pages, bytes, ms: performance.now() - started, connections: CONNECTIONS };
}

/** One pass over every page, as a first full sync would read them: records are generated and encoded. */
async function coldPass(config) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let next = 1;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next <= config.pages) await fetchPage(agent, config, next++);
    }),
  );
  agent.destroy();
  return { pages: config.pages, ms: performance.now() - started };
}

const cold = await coldPass(workerData);
// Warm-up: the updated_at index is built and the JSON caches are full, as for repeated reads.
await load(workerData, workerData.warmupMs);
parentPort.postMessage({ cold, warm: await load(workerData, workerData.durationMs) });
