#!/usr/bin/env node
// `npm run bench`: runs every benchmark, prints one markdown table and writes the results as JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './report/machine.js';
import { markdownNotes, markdownTable } from './report/markdown.js';
import { FULL, SMOKE } from './sizes.js';
import { BENCHMARKS, type Benchmark, runSuite } from './suite.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const USAGE = `Usage: npm run bench [-- options]   (from the repository root or -w @sluice/bench)

  --only <names>     comma-separated subset of: ${BENCHMARKS.join(', ')}
  --smoke            tiny sizes, to check that everything runs (numbers meaningless)
  --out <file>       JSON results (default bench-results/latest.json at the repository root)
  --cpu-prof <dir>   write a V8 CPU profile of every measurement process into <dir>
  --heap-prof <dir>  write a V8 heap profile of every measurement process into <dir>
  --help`;

function parse() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'heap-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((name) => !(BENCHMARKS as readonly string[]).includes(name)) ?? [];
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark ${unknown.join(', ')}: use any of ${BENCHMARKS.join(', ')}.`);
  return { ...values, only: only as Benchmark[] | undefined };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const machine = describeMachine();
  const started = performance.now();
  const { figures, raw } = await runSuite({
    sizes: args.smoke ? SMOKE : FULL,
    ...(args.only ? { only: args.only } : {}),
    ...(args['cpu-prof'] ? { cpuProfileDir: resolve(args['cpu-prof']) } : {}),
    ...(args['heap-prof'] ? { heapProfileDir: resolve(args['heap-prof']) } : {}),
    log: (line) => console.error(line),
  });
  const out = resolve(args.out ?? resolve(REPO_ROOT, 'bench-results/latest.json'));
  await mkdir(dirname(out), { recursive: true });
  const durationS = (performance.now() - started) / 1000;
  await writeFile(
    out,
    `${JSON.stringify({ machine, smoke: args.smoke, durationS, figures, raw }, null, 2)}\n`,
  );

  console.log(
    `\nSluice benchmarks, ${machine.date.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}${args.smoke ? ' (smoke sizes: numbers meaningless)' : ''}\n`,
  );
  console.log(markdownTable(figures));
  const notes = markdownNotes(figures);
  if (notes) console.log(`\nNotes:\n${notes}`);
  console.log(`\nJSON: ${out} (${durationS.toFixed(0)} s)`);
  return figures.some((f) => f.status === 'error') ? 1 : 0;
}

process.exitCode = await main();
