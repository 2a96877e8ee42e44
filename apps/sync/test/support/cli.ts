import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, as users run it. */
export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

let runs = 0;

/** Keeps a run's output for the secret scan after the suite (see test/e2e/global-setup.ts). */
function saveLog(stdout: string, stderr: string): Promise<void> {
  const logs = process.env.SLUICE_E2E_LOGS;
  return logs
    ? writeFile(join(logs, `${process.pid}-${++runs}.log`), `${stdout}\n${stderr}`)
    : Promise.resolve();
}

/** Runs `node dist/bin.js ...args` in a child process with only the given Freshdesk/Sluice variables. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliResult> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(FRESHDESK_|SLUICE_|GOOGLE_)/.test(k)) base[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, METADATA_SERVER_DETECTION: 'none', ...env },
      ...(cwd ? { cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      saveLog(stdout, stderr).then(() => resolve({ code, signal, stdout, stderr }), reject);
    });
  });
}

/** The JSON lines of a `--log-format json` run. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export interface RunSummaryLine {
  readonly requests: number;
  readonly extracted: Record<string, number>;
  readonly rows: Record<string, number>;
  readonly packages: { loadId: string; resumed: boolean; alreadyLoaded: boolean }[];
}

/** The `run_summary` line of a JSON-logged run; fails when it is missing. */
export function summaryOf(stdout: string): RunSummaryLine {
  const line = jsonLines(stdout).find((l) => l.event === 'run_summary');
  if (!line) throw new Error(`No run_summary line in:\n${stdout}`);
  return line as unknown as RunSummaryLine;
}

/** Starts the CLI and resolves once a stdout line matches `ready`; then the test may signal the process. */
export function startCli(
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ kill: (signal: NodeJS.Signals) => void; done: Promise<CliResult> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', METADATA_SERVER_DETECTION: 'none', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const done = new Promise<CliResult>((settle, fail) => {
      child.on('close', (code, signal) => {
        saveLog(stdout, stderr).then(() => settle({ code, signal, stdout, stderr }), fail);
      });
    });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!signalled && ready.test(stdout)) {
        signalled = true;
        resolve({ kill: (signal) => child.kill(signal), done });
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    done.then((r) => {
      if (!signalled) reject(new Error(`The CLI ended before ${ready}:\n${r.stdout}\n${r.stderr}`));
    });
  });
}
