import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, settingFlags } from '../../src/cli/args.js';
import { UsageError } from '../../src/config/errors.js';
import { gatherOptions, resolveApiKey, resolveRunSettings } from '../../src/config/resolve.js';

const ENV = { FRESHDESK_DOMAIN: 'acme', FRESHDESK_API_KEY: 'secret-key-123' };

describe('settings', () => {
  it('flags win over environment variables, which win over the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-config-'));
    const file = join(dir, 'sluice.json');
    await writeFile(
      file,
      JSON.stringify({ resources: ['tickets'], concurrency: 2, startDate: '2020-01-01' }),
    );
    const parsed = parseCommandArgs('run', ['--config', file, '--concurrency', '3'], settingFlags());
    const raw = await gatherOptions(parsed.raw, { ...ENV, SLUICE_START_DATE: '2021-01-01' }, parsed.config);
    const settings = await resolveRunSettings(raw, ENV);
    expect(settings.concurrency).toBe(3);
    expect(settings.startDate).toBe('2021-01-01T00:00:00Z');
    expect(settings.resources).toEqual(['tickets']);
    expect(settings.freshdesk).toEqual({ domain: 'acme', apiKey: 'secret-key-123' });
  });

  it('refuses a config file holding an API key, without echoing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-config-'));
    const file = join(dir, 'sluice.json');
    await writeFile(file, JSON.stringify({ apiKey: 'leaked-value-987' }));
    const error = await gatherOptions({}, ENV, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/secrets are not read from config files.*FRESHDESK_API_KEY/);
    expect((error as Error).message).not.toContain('leaked-value-987');
  });

  it('has no API key flag and does not echo the value given to one', () => {
    expect(() => parseCommandArgs('run', ['--api-key=abc-secret'], settingFlags())).toThrow(
      /There is no --api-key flag.*FRESHDESK_API_KEY/,
    );
    try {
      parseCommandArgs('run', ['--api-key=abc-secret'], settingFlags());
    } catch (error) {
      expect((error as Error).message).not.toContain('abc-secret');
    }
  });

  it('takes --full-refresh alone (all resources) or with resource names', () => {
    expect(parseCommandArgs('run', ['--full-refresh'], settingFlags()).raw.fullRefresh).toBe('*');
    expect(
      parseCommandArgs('run', ['--full-refresh', 'tickets', 'contacts', '--concurrency', '2'], settingFlags())
        .raw.fullRefresh,
    ).toBe('tickets,contacts');
  });

  it.each([
    [['--resources', 'tikets'], /Unknown resource "tikets"/],
    [['--start-date', 'last week'], /start date "last week" is not valid/],
    [['--destination', 'postgres'], /--destination must be duckdb or bigquery/],
    [['--concurrency', 'many'], /--concurrency \(SLUICE_CONCURRENCY\) must be a whole number/],
    [['--plan', 'gold'], /--plan must be one of trial, growth, pro, enterprise/],
  ])('rejects %j as bad usage', async (args, message) => {
    const parsed = parseCommandArgs('run', args, settingFlags());
    const raw = await gatherOptions(parsed.raw, ENV);
    await expect(resolveRunSettings(raw, ENV)).rejects.toThrow(message);
    await expect(resolveRunSettings(raw, ENV)).rejects.toBeInstanceOf(UsageError);
  });

  it('reads the API key from FRESHDESK_API_KEY_FILE (a mounted secret)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-key-'));
    const file = join(dir, 'key');
    await writeFile(file, '  file-key-456\n');
    expect(await resolveApiKey({ FRESHDESK_API_KEY_FILE: file })).toBe('file-key-456');
    await writeFile(file, '\n');
    await expect(resolveApiKey({ FRESHDESK_API_KEY_FILE: file })).rejects.toThrow(
      /is empty: put the API key in it/,
    );
    await expect(resolveApiKey({ FRESHDESK_API_KEY_FILE: join(dir, 'missing') })).rejects.toThrow(
      /Cannot read FRESHDESK_API_KEY_FILE/,
    );
  });

  it('asks for the API key in the environment when it is missing', async () => {
    await expect(resolveRunSettings({ domain: 'acme' }, {})).rejects.toThrow(/set FRESHDESK_API_KEY/);
  });
});
