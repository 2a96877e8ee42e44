import { OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { bigquery } from '../../src/destination.js';
import { authOptions, validateOptions } from '../../src/options.js';

const base = { projectId: 'acme', location: 'EU' };

describe('options', () => {
  it('require projectId and location, with an example of each', () => {
    expect(() => validateOptions({ ...base, projectId: '' })).toThrow(/projectId is required/);
    expect(() => validateOptions({ ...base, location: '' })).toThrow(/location is required.*"EU"/);
  });

  it('check dataset names, staging expiration and labels before any request', () => {
    expect(() => validateOptions({ ...base, dataset: 'bad-name' })).toThrow(
      /dataset "bad-name" is not a valid/,
    );
    expect(() => validateOptions({ ...base, stagingDataset: 'a b' })).toThrow(/stagingDataset/);
    expect(() => validateOptions({ ...base, stagingTableExpirationMs: 1000 })).toThrow(/at least 3600000/);
    expect(() => validateOptions({ ...base, labels: { Team: 'x' } })).toThrow(/label "Team"/);
    expect(() => validateOptions({ ...base, labels: { team: 'Has Space' } })).toThrow(/invalid/);
    expect(() => validateOptions({ ...base, labels: { team: 'support-analytics_1' } })).not.toThrow();
    expect(() => bigquery({ ...base, retry: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
  });

  it('pass exactly one kind of credentials to the client, none for application default credentials', () => {
    const authClient = new OAuth2Client();
    expect(authOptions(undefined)).toEqual({});
    expect(authOptions({ keyFilename: '/k.json' })).toEqual({ keyFilename: '/k.json' });
    expect(authOptions({ credentials: { client_email: 'a@b', private_key: 'k' } })).toEqual({
      credentials: { client_email: 'a@b', private_key: 'k' },
    });
    expect(authOptions({ authClient })).toEqual({ authClient });
  });

  it('report BigQuery capabilities to loader-core', () => {
    const { capabilities } = bigquery(base);
    expect(capabilities).toMatchObject({
      name: 'bigquery',
      maxIdentifierLength: 300,
      fileFormats: ['jsonl'],
      supportsTransactions: false,
    });
    expect([...capabilities.dataTypes].sort()).toEqual(
      ['binary', 'bigint', 'bool', 'date', 'decimal', 'double', 'json', 'text', 'time', 'timestamp'].sort(),
    );
  });
});
