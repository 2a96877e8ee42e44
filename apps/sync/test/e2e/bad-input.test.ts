import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { E2E_API_KEY, startWorld, type World } from '../support/world.js';

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('bad input: a clear error, the right exit code, nothing written', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ seed: 'bad-input', tickets: 10, contacts: 5 });
  });
  afterAll(async () => {
    await world?.sim.stop();
  });

  let firstRequest = 0;
  beforeEach(() => {
    firstRequest = world.requests.length;
  });

  /** No file in the destination's folder, and no request beyond the access check. */
  async function expectNothingWritten(): Promise<void> {
    expect(await readdir(world.dir)).toEqual([]);
    const requests = world.requests.slice(firstRequest).map((r) => r.path);
    expect(requests.filter((p) => !p.endsWith('/agents/me'))).toEqual([]);
  }

  it('wrong API key: exit 1, says to check FRESHDESK_API_KEY', async () => {
    const result = await runCli(['run'], { ...world.env, FRESHDESK_API_KEY: 'not-the-key' });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /rejected the API key \(HTTP 401\)\. Check FRESHDESK_API_KEY/,
    );
    expect(result.stdout + result.stderr).not.toContain('not-the-key');
    await expectNothingWritten();
  });

  it('a domain that is not a Freshdesk domain: exit 2', async () => {
    const { SLUICE_FRESHDESK_BASE_URL: _, ...env } = world.env;
    const result = await runCli(['run'], { ...env, FRESHDESK_DOMAIN: 'not a domain!' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Set FRESHDESK_DOMAIN to your helpdesk/);
    await expectNothingWritten();
  });

  it('a host without this helpdesk (404): exit 1, says to check the domain', async () => {
    const result = await runCli(['run'], {
      ...world.env,
      SLUICE_FRESHDESK_BASE_URL: `${world.sim.url}/no-helpdesk/api/v2`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/answered 404 for .*check FRESHDESK_DOMAIN/);
    await expectNothingWritten();
  });

  it('an unreachable helpdesk: exit 1, says to check the domain', async () => {
    const port = await closedPort();
    const result = await runCli(['run'], {
      ...world.env,
      SLUICE_FRESHDESK_BASE_URL: `http://127.0.0.1:${port}/api/v2`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/Could not reach Freshdesk.*Check FRESHDESK_DOMAIN/s);
    await expectNothingWritten();
  });

  it('a destination path that cannot be written: exit 1, names the path', async () => {
    const path = join(world.dir, 'missing-folder', 'x.duckdb');
    const result = await runCli(['run', '--duckdb-path', path], world.env);
    expect(result.code).toBe(1);
    // JSON logs: the failure is a `run_failed` line on stdout.
    expect(result.stdout).toContain(`Cannot write the DuckDB database ${path}: the folder does not exist`);
    expect(result.stdout).toContain('"event":"run_failed"');
    await expectNothingWritten();
  });

  it.each([
    [
      ['--resources', 'tickets,tikets'],
      /Unknown resource "tikets"\. Known resources: tickets, conversations/,
    ],
    [['--start-date', '2024-31-01'], /start date "2024-31-01" is not valid: use an ISO date/],
    [['--full-refresh', 'nope'], /Unknown resource "nope"/],
    [['--destination', 'snowflake'], /--destination must be duckdb or bigquery/],
    [['--log-format', 'xml'], /--log-format must be text or json/],
    [['--bogus'], /Unknown option '--bogus'.*sluice-sync run --help/],
    [['--api-key', E2E_API_KEY], /There is no --api-key flag/],
  ])('%j: exit 2 with the fix in the message', async (args, message) => {
    const result = await runCli(['run', ...args], world.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain(E2E_API_KEY);
    await expectNothingWritten();
  });

  it('a config file with an API key: exit 2, the key not echoed', async () => {
    // The user's own (bad) file, outside the folders the secret scan checks for Sluice's output.
    const configDir = await mkdtemp(join(tmpdir(), 'sluice-user-config-'));
    const config = join(configDir, 'sluice.json');
    await writeFile(config, JSON.stringify({ destination: 'duckdb', apiKey: E2E_API_KEY }));
    const result = await runCli(['run', '--config', config], world.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/secrets are not read from config files/);
    expect(result.stderr).not.toContain(E2E_API_KEY);
    await rm(configDir, { recursive: true, force: true });
    await expectNothingWritten();
  });

  it('no API key at all: exit 2, says where to set it', async () => {
    const { FRESHDESK_API_KEY: _, ...env } = world.env;
    const result = await runCli(['run'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No Freshdesk API key: set FRESHDESK_API_KEY/);
  });

  it('unknown command and bare invocation: exit 2 with usage', async () => {
    expect((await runCli(['sync'], world.env)).code).toBe(2);
    const bare = await runCli([], world.env);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toMatch(/Usage: sluice-sync <command>/);
  });

  it.each(['run', 'demo', 'status', 'resources'])('%s --help: exit 0 with the options', async (command) => {
    const result = await runCli([command, '--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Usage: sluice-sync ${command}`));
  });

  it('status of a database that does not exist: exit 1, nothing created', async () => {
    const result = await runCli(['status'], world.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No DuckDB database at .*run `sluice-sync run` first/);
    await expectNothingWritten();
  });
});
