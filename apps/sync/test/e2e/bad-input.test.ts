import { statSync, unlinkSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

/** A folder that exists but where nobody, root included, can create a file (sysfs on Linux); if there is one. */
function folderNobodyCanWrite(): string | undefined {
  for (const folder of ['/sys', '/proc']) {
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    const probe = join(folder, `.sluice-probe-${process.pid}`);
    try {
      writeFileSync(probe, '');
      unlinkSync(probe);
    } catch {
      return folder;
    }
  }
  return undefined;
}

const UNWRITABLE = folderNobodyCanWrite();
const IS_ROOT = process.getuid?.() === 0;

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

  it('a destination folder that does not exist: exit 1, names the path', async () => {
    const path = join(world.dir, 'missing-folder', 'x.duckdb');
    const result = await runCli(['run', '--duckdb-path', path], world.env);
    expect(result.code).toBe(1);
    // JSON logs: the failure is a `run_failed` line on stdout.
    expect(result.stdout).toContain(`Cannot write the DuckDB database ${path}: the folder does not exist`);
    expect(result.stdout).toContain('"event":"run_failed"');
    await expectNothingWritten();
  });

  it('a destination "folder" that is a file: exit 1, says so', async () => {
    const other = await mkdtemp(join(tmpdir(), 'sluice-user-files-'));
    await writeFile(join(other, 'notes.txt'), 'x');
    const path = join(other, 'notes.txt', 'x.duckdb');
    const result = await runCli(['run', '--duckdb-path', path], world.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Cannot write the DuckDB database ${path}: ${join(other, 'notes.txt')} is not a folder`,
    );
    expect(await readdir(other)).toEqual(['notes.txt']);
    await rm(other, { recursive: true, force: true });
    await expectNothingWritten();
  });

  // Tests run as root here, which permission bits do not stop: a file system where nobody can create files.
  it.skipIf(UNWRITABLE === undefined)(
    `a destination folder that exists but nobody can write (${UNWRITABLE}): exit 1, nothing written`,
    async () => {
      const path = join(UNWRITABLE as string, 'freshdesk.duckdb');
      const result = await runCli(['run', '--duckdb-path', path, '--log-format', 'text'], world.env);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(
        new RegExp(
          `Cannot write the DuckDB database ${path}: .*(not writable|does not accept new files|read-only).* choose another --duckdb-path`,
        ),
      );
      expect(statSync(path, { throwIfNoEntry: false })).toBeUndefined();
      await expectNothingWritten();
    },
  );

  it.skipIf(IS_ROOT)('a read-only destination folder (mode 555, as a regular user): exit 1', async () => {
    const other = await mkdtemp(join(tmpdir(), 'sluice-user-files-'));
    const folder = join(other, 'read-only');
    await mkdir(folder);
    await chmod(folder, 0o555);
    const path = join(folder, 'x.duckdb');
    const result = await runCli(['run', '--duckdb-path', path], world.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Cannot write the DuckDB database ${path}: it is not writable by this user`,
    );
    expect(await readdir(folder)).toEqual([]);
    await chmod(folder, 0o755);
    await rm(other, { recursive: true, force: true });
    await expectNothingWritten();
  });

  describe('GOOGLE_APPLICATION_CREDENTIALS', () => {
    let keys: string;
    let bigquery: Record<string, string>;
    /** Looks like key material: must never be echoed. */
    const PRIVATE = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-not-a-real-key';

    beforeAll(async () => {
      // The user's own files, outside the folders the secret scan checks for Sluice's output.
      keys = await mkdtemp(join(tmpdir(), 'sluice-user-keys-'));
      bigquery = {
        ...world.env,
        SLUICE_DESTINATION: 'bigquery',
        SLUICE_BQ_PROJECT: 'my-project',
        // Never reached: the key file is checked before anything is read or written.
        SLUICE_BQ_API_ENDPOINT: 'http://127.0.0.1:9',
      };
    });
    afterAll(async () => {
      await rm(keys, { recursive: true, force: true });
    });

    it.each([
      [
        'missing',
        undefined,
        /names .*missing\.json, which does not exist\. Set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file/,
      ],
      [
        'not JSON',
        `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PRIVATE}`,
        /which is not valid JSON \(its content is not shown: it may hold a private key\)/,
      ],
      [
        'not a credentials file',
        JSON.stringify({ name: PRIVATE }),
        /has no "type" field, so it is not a Google credentials file/,
      ],
      [
        'a broken private key',
        JSON.stringify({
          type: 'service_account',
          client_email: 'sync@my-project.iam.gserviceaccount.com',
          private_key: `-----BEGIN PRIVATE KEY-----\n${PRIVATE}\n-----END PRIVATE KEY-----\n`,
        }),
        /is a service-account key whose private_key is not a valid PEM key/,
      ],
    ])(
      'a key file that is %s: exit 2, a clear message, the content not echoed',
      async (what, content, message) => {
        const file = join(keys, `${what === 'missing' ? 'missing' : what.replace(/\W+/g, '-')}.json`);
        if (content !== undefined) await writeFile(file, content);
        const result = await runCli(['run'], { ...bigquery, GOOGLE_APPLICATION_CREDENTIALS: file });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stdout + result.stderr).not.toContain(PRIVATE);
        expect(result.stdout + result.stderr).not.toContain('BEGIN PRIVATE KEY');
        await expectNothingWritten();
      },
    );
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
