/**
 * Normalization throughput on Freshdesk-shaped tickets into per-table JSONL: records as objects (a package
 * normalized while it is extracted; the generator's cost included) and from extracted JSONL (the resume path).
 * Run: npm run bench -w @sluice/loader-core   (optionally: -- 10000 100000)
 * Prints records/s (wall clock), records per CPU-second (per core, robust to other load), input MB/s and the
 * process's peak RSS after each size.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecord } from '../src/extract/raw-json.js';
import { normalizePackage } from '../src/normalize/package.js';
import { PackageNormalizer } from '../src/normalize/package-normalizer.js';
import { RotatingJsonlWriter } from '../src/package/jsonl-writer.js';
import { EXTRACTED_DIR, type ExtractManifest } from '../src/package/manifest.js';
import { newLoadId } from '../src/package/storage.js';

const STATUSES = [2, 3, 4, 5];
const SOURCES = [1, 2, 3, 7, 9];

function ticket(i: number): Record<string, unknown> {
  const day = String((i % 28) + 1).padStart(2, '0');
  const at = `2024-03-${day}T${String(i % 24).padStart(2, '0')}:15:42Z`;
  return {
    id: i + 1,
    subject: `Printer on floor ${i % 12} is jammed again (${i})`,
    description_text: `Hello team, the printer keeps jamming when printing double-sided. Ticket ${i}.`,
    status: STATUSES[i % STATUSES.length],
    priority: (i % 4) + 1,
    source: SOURCES[i % SOURCES.length],
    type: i % 3 === 0 ? 'Incident' : 'Question',
    requester_id: 1_000_000 + (i % 5000),
    responder_id: i % 7 === 0 ? null : 2_000 + (i % 40),
    group_id: 300 + (i % 6),
    company_id: i % 5 === 0 ? null : 40 + (i % 90),
    product_id: null,
    email_config_id: 12,
    is_escalated: i % 11 === 0,
    fr_escalated: false,
    spam: false,
    created_at: at,
    updated_at: at,
    due_by: at,
    fr_due_by: at,
    tags: ['printer', `floor-${i % 12}`],
    cc_emails: i % 4 === 0 ? ['boss@example.com'] : [],
    custom_fields: { cf_region: 'EMEA', cf_contract: i % 9, cf_vip: i % 13 === 0, cf_notes: null },
    stats: {
      resolved_at: i % 2 === 0 ? at : null,
      first_responded_at: at,
      closed_at: null,
      agent_responded_at: at,
    },
  };
}

async function prepare(dir: string, n: number): Promise<{ manifest: ExtractManifest; bytes: number }> {
  await mkdir(join(dir, EXTRACTED_DIR), { recursive: true });
  const writer = new RotatingJsonlWriter(join(dir, EXTRACTED_DIR), 'r000');
  for (let i = 0; i < n; i++) {
    const p = writer.write(encodeRecord(ticket(i)));
    if (p) await p;
  }
  const files = await writer.close();
  let bytes = 0;
  for (const f of files) bytes += (await stat(join(dir, EXTRACTED_DIR, f.name))).size;
  const manifest: ExtractManifest = {
    // a real load id: it is in every row (_sluice_load_id and the _sluice_id prefix), so its length counts
    loadId: newLoadId(),
    pipelineName: 'bench',
    createdAt: new Date().toISOString(),
    resources: [
      {
        config: {
          resource: 'tickets',
          tableName: 'tickets',
          writeDisposition: 'merge',
          primaryKey: ['id'],
          mergeKey: [],
          columns: {},
          cursorPath: 'updated_at',
        },
        files: files.map((f) => f.name),
        records: n,
      },
    ],
    state: { version: 1, resources: {} },
  };
  return { manifest, bytes };
}

/** Normalizes the package from its extracted files (the resume path), or the same records as objects. */
async function run(dir: string, manifest: ExtractManifest, n: number, fromFiles: boolean): Promise<number> {
  const options = {
    dir,
    storedSchema: null,
    schemaName: 'bench',
    maxIdentifierLength: 63,
    fileMaxBytes: 64 * 1024 * 1024,
  };
  if (fromFiles) {
    const result = await normalizePackage({ ...options, manifest });
    return result.tables.reduce((s, t) => s + t.rows, 0);
  }
  const normalizer = await PackageNormalizer.open({
    ...options,
    loadId: manifest.loadId,
    resources: manifest.resources.map((r) => r.config),
  });
  for (let i = 0; i < n; i += PAGE) {
    // generated here, a page at a time as a run gets them, its cost included: records made beforehand
    // would not fit in memory at 1M
    const page = Array.from({ length: Math.min(PAGE, n - i) }, (_, k) => ticket(i + k));
    const flushed = normalizer.records('tickets', page);
    if (flushed) await flushed;
  }
  const result = await normalizer.finish(manifest);
  return result.tables.reduce((s, t) => s + t.rows, 0);
}

/** Records per page, as a list endpoint hands them over. */
const PAGE = 100;

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-'));
  try {
    const { manifest, bytes } = await prepare(dir, n);
    for (const fromFiles of [false, true]) {
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const rows = await run(dir, manifest, n, fromFiles);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      // CPU seconds of this process: "per core" throughput, robust to other load on the machine
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const peakMb = process.resourceUsage().maxRSS / 1024;
      console.log(
        `${String(n).padStart(9)} records ${fromFiles ? 'from files' : 'as objects'}  ` +
          `${(n / seconds).toFixed(0).padStart(8)} records/s  ` +
          `${(n / cpuSeconds).toFixed(0).padStart(8)} records/cpu-s  ` +
          `${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s in  ${String(rows).padStart(9)} rows out  ` +
          `peak RSS ${peakMb.toFixed(0)} MB`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
