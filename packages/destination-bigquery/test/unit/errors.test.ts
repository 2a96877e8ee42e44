import { describe, expect, it } from 'vitest';
import {
  BigQueryDestinationError,
  classifyGoogleError,
  readGoogleError,
  redact,
  toDestinationError,
} from '../../src/errors.js';

const context = { operation: 'creating table ds.tickets', projectId: 'proj', location: 'EU' };

/** The shape @google-cloud/common's ApiError has after a failed request. */
const apiError = (code: number, reason: string, message: string) =>
  Object.assign(new Error(message), { code, errors: [{ reason, message, domain: 'global' }] });

describe('readGoogleError', () => {
  it('reads API errors, job status errors and OAuth errors', () => {
    expect(readGoogleError(apiError(403, 'quotaExceeded', 'Quota exceeded'))).toEqual({
      status: 403,
      reason: 'quotaExceeded',
      message: 'Quota exceeded',
    });
    expect(
      readGoogleError({ state: 'DONE', errorResult: { reason: 'backendError', message: 'Backend error' } }),
    ).toEqual({ reason: 'backendError', message: 'Backend error' });
    const gaxios = Object.assign(new Error('invalid_grant'), {
      status: 400,
      response: {
        status: 400,
        data: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
      },
    });
    expect(readGoogleError(gaxios)).toEqual({
      status: 400,
      reason: 'invalid_grant',
      message: 'Invalid JWT Signature.',
    });
  });
});

describe('classifyGoogleError', () => {
  it.each([
    [{ status: 403, reason: 'rateLimitExceeded', message: 'Exceeded rate limits' }, 'rate_limited'],
    [{ status: 429, message: 'Too many requests' }, 'rate_limited'],
    [
      { status: 403, reason: 'quotaExceeded', message: 'Quota exceeded: Your project exceeded quota' },
      'quota_exceeded',
    ],
    [{ status: 500, reason: 'backendError', message: 'Backend error' }, 'transient'],
    [{ reason: 'internalError', message: 'Internal error' }, 'transient'],
    [{ status: 503, message: 'Service Unavailable' }, 'transient'],
    [{ reason: 'ECONNRESET', message: 'socket hang up' }, 'transient'],
    [
      {
        status: 400,
        reason: 'invalidQuery',
        message: 'Transaction is aborted due to concurrent update against table p:ds.tickets.',
      },
      'transient',
    ],
    [
      { status: 401, reason: 'authError', message: 'Request had invalid authentication credentials.' },
      'bad_credentials',
    ],
    [{ status: 400, reason: 'invalid_grant', message: 'Invalid JWT Signature.' }, 'bad_credentials'],
    [
      { status: 403, reason: 'accessDenied', message: 'Permission bigquery.tables.create denied' },
      'permission_denied',
    ],
    [{ status: 404, reason: 'notFound', message: 'Not found: Dataset proj:freshdesk' }, 'dataset_not_found'],
    [{ status: 404, reason: 'notFound', message: 'Not found: Table proj:freshdesk.tickets' }, 'not_found'],
    [
      {
        status: 404,
        reason: 'notFound',
        message: 'Not found: Dataset proj:freshdesk was not found in location US',
      },
      'dataset_not_found',
    ],
    [
      {
        status: 400,
        reason: 'invalid',
        message: 'Cannot read and write in different locations: source: EU, destination: US',
      },
      'location_mismatch',
    ],
    [{ status: 409, reason: 'duplicate', message: 'Already Exists: Dataset proj:ds' }, 'already_exists'],
    [{ status: 400, reason: 'invalidQuery', message: 'Syntax error' }, 'invalid'],
  ] as const)('%j is %s', (info, kind) => {
    expect(classifyGoogleError(info)).toBe(kind);
  });
});

describe('BigQueryDestinationError', () => {
  it('names the missing permission and the role that grants it', () => {
    const error = toDestinationError(
      apiError(
        403,
        'accessDenied',
        'Access Denied: Dataset proj:ds: Permission bigquery.tables.create denied on dataset proj:ds (or it may not exist).',
      ),
      context,
    );
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    expect(error.kind).toBe('permission_denied');
    expect(error.permission).toBe('bigquery.tables.create');
    expect(error.message).toContain('while creating table ds.tickets');
    expect(error.message).toContain('roles/bigquery.dataEditor on the dataset');
    const jobs = toDestinationError(
      apiError(
        403,
        'accessDenied',
        'Access Denied: Project proj: User does not have bigquery.jobs.create permission',
      ),
      context,
    );
    expect(jobs.permission).toBe('bigquery.jobs.create');
    expect(jobs.message).toContain('roles/bigquery.jobUser on the project');
  });

  it('says what to do for quota, location, credentials and missing datasets', () => {
    expect(toDestinationError(apiError(403, 'quotaExceeded', 'Quota exceeded'), context).message).toMatch(
      /quota of project "proj" is used up.*request a higher quota/,
    );
    expect(
      toDestinationError(
        apiError(400, 'invalid', 'Cannot read and write in different locations: EU, US'),
        context,
      ).message,
    ).toMatch(/Set the destination's location option/);
    expect(toDestinationError(apiError(401, 'authError', 'Invalid Credentials'), context).message).toMatch(
      /credentials are missing, expired, revoked or invalid/,
    );
    expect(
      toDestinationError(apiError(404, 'notFound', 'Not found: Dataset proj:ds'), context).message,
    ).toMatch(/Check the dataset name and projectId "proj"/);
  });

  it('is retryable only for rate limits and transient failures', () => {
    expect(toDestinationError(apiError(403, 'rateLimitExceeded', 'slow down'), context).retryable).toBe(true);
    expect(toDestinationError(apiError(500, 'backendError', 'oops'), context).retryable).toBe(true);
    expect(toDestinationError(apiError(403, 'quotaExceeded', 'quota'), context).retryable).toBe(false);
    expect(toDestinationError(apiError(400, 'invalid', 'bad'), context).retryable).toBe(false);
  });

  it('never carries secrets or the raw error (whose request config holds the bearer token)', () => {
    const raw = Object.assign(
      apiError(
        401,
        'authError',
        'Invalid token Bearer ya29.secret-token-value for "private_key": "-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----"',
      ),
      { config: { headers: { Authorization: 'Bearer ya29.secret-token-value' } } },
    );
    const error = toDestinationError(raw, context);
    const everything = JSON.stringify({ ...error, message: error.message, cause: error.cause });
    expect(everything).not.toContain('secret-token-value');
    expect(everything).not.toContain('BEGIN PRIVATE KEY');
    expect(error.cause).toBeUndefined();
    expect(redact('token ya29.abc.def')).toBe('token [redacted token]');
  });
});
