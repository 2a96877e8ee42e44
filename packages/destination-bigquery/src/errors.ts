/**
 * Reads Google's error format (API errors from @google-cloud/common, OAuth errors from gaxios, and a job's
 * `status.errorResult`) and turns it into an error that says what happened, why and what to do. Only the
 * status, reason and message are kept: raw errors carry request configs with bearer tokens, so they are never
 * attached as `cause`.
 */

export type BigQueryErrorKind =
  | 'rate_limited'
  | 'transient'
  | 'quota_exceeded'
  | 'permission_denied'
  | 'dataset_not_found'
  | 'not_found'
  | 'location_mismatch'
  | 'bad_credentials'
  | 'already_exists'
  | 'invalid'
  | 'unknown';

/** What Google said, from any of its error shapes. */
export interface GoogleErrorInfo {
  /** HTTP status, when the error came from an HTTP response. */
  readonly status?: number;
  /** The `reason` of the first error proto (`rateLimitExceeded`, `accessDenied`, ...), or an OAuth error code. */
  readonly reason?: string;
  readonly message: string;
}

export interface ErrorContext {
  /** What the destination was doing: `creating table freshdesk.tickets`. */
  readonly operation: string;
  readonly projectId: string;
  readonly location?: string;
}

const TRANSIENT_REASONS = new Set([
  'backendError',
  'internalError',
  'jobBackendError',
  'jobInternalError',
  'serviceUnavailable',
]);
/** Network failures that a retry can fix (connection reset, refused while a proxy restarts, timeouts). */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const CREDENTIAL_REASONS = new Set([
  'authError',
  'unauthorized',
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Extracts status, reason and message from whatever the client threw or a job reported. */
export function readGoogleError(error: unknown): GoogleErrorInfo {
  if (!isRecord(error)) {
    return { message: String(error) };
  }
  // A job's status: { errorResult: { reason, message }, errors: [...] }.
  if (isRecord(error.errorResult)) {
    return readGoogleError(error.errorResult);
  }
  const status = typeof error.code === 'number' ? error.code : readHttpStatus(error);
  const firstError = Array.isArray(error.errors) && isRecord(error.errors[0]) ? error.errors[0] : undefined;
  // gaxios: an OAuth token endpoint answers { error: 'invalid_grant', error_description }.
  const data = isRecord(error.response) && isRecord(error.response.data) ? error.response.data : undefined;
  const oauthReason = data && typeof data.error === 'string' ? data.error : undefined;
  const reason =
    str(firstError?.reason) ??
    str(error.reason) ??
    oauthReason ??
    (typeof error.code === 'string' ? error.code : undefined);
  const message =
    str(firstError?.message) ??
    str(data?.error_description) ??
    str(error.message) ??
    'no message from BigQuery';
  return {
    ...(status === undefined ? {} : { status }),
    ...(reason === undefined ? {} : { reason }),
    message,
  };
}

function readHttpStatus(error: Record<string, unknown>): number | undefined {
  if (typeof error.status === 'number') return error.status;
  if (isRecord(error.response) && typeof error.response.status === 'number') return error.response.status;
  return undefined;
}

/** The IAM permission a 403 names: `Permission bigquery.tables.create denied`, `does not have bigquery.jobs.create`. */
export function missingPermission(message: string): string | undefined {
  return /\b(bigquery\.[a-zA-Z]+\.[a-zA-Z]+)\b/.exec(message)?.[1];
}

/** The predefined role that grants a permission, and where to grant it. */
export function roleFor(permission: string): string {
  if (permission.startsWith('bigquery.jobs.')) {
    return 'roles/bigquery.jobUser on the project';
  }
  if (permission === 'bigquery.datasets.create') {
    return 'roles/bigquery.dataEditor on the project (or create the dataset beforehand)';
  }
  return 'roles/bigquery.dataEditor on the dataset';
}

/**
 * BigQuery answers a dataset in another location with the same 404 as a missing one ("was not found in
 * location US"), so only explicit mismatch messages classify here; the destination checks the dataset's
 * location itself when it opens it.
 */
function isLocationMismatch(message: string): boolean {
  return /different locations?|location mismatch|must be in the same location/i.test(message);
}

export function classifyGoogleError(info: GoogleErrorInfo): BigQueryErrorKind {
  const { status, reason, message } = info;
  if (reason === 'rateLimitExceeded' || status === 429) return 'rate_limited';
  if (reason === 'quotaExceeded') return 'quota_exceeded';
  if (
    (reason !== undefined && (TRANSIENT_REASONS.has(reason) || TRANSIENT_NETWORK_CODES.has(reason))) ||
    (status !== undefined && status >= 500) ||
    // A transaction that lost a race with another job on the same table: BigQuery says to retry.
    /concurrent update|could not serialize access/i.test(message)
  ) {
    return 'transient';
  }
  if (
    (reason !== undefined && CREDENTIAL_REASONS.has(reason)) ||
    status === 401 ||
    // google-auth-library found no application default credentials.
    /could not load the default credentials/i.test(message)
  ) {
    return 'bad_credentials';
  }
  if (isLocationMismatch(message)) return 'location_mismatch';
  if (reason === 'accessDenied' || status === 403) return 'permission_denied';
  if (reason === 'notFound' || status === 404) {
    return /\bdataset\b/i.test(message) && !/\btable\b/i.test(message) ? 'dataset_not_found' : 'not_found';
  }
  if (reason === 'duplicate' || status === 409) return 'already_exists';
  if (reason === 'invalid' || reason === 'invalidQuery' || status === 400) return 'invalid';
  return 'unknown';
}

export function isRetryable(kind: BigQueryErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'transient';
}

/** Hides anything shaped like a secret, in case a message ever echoes one. */
export function redact(text: string): string {
  return text
    .replace(
      /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
      '[redacted key]',
    )
    .replace(/\b(Bearer\s+)[\w\-.~+/]+=*/gi, '$1[redacted]')
    .replace(/\bya29\.[\w\-.]+/g, '[redacted token]')
    .replace(
      /("?(?:private_key|access_token|refresh_token|client_secret)"?\s*[:=]\s*)"[^"]*"/gi,
      '$1"[redacted]"',
    );
}

function advice(kind: BigQueryErrorKind, info: GoogleErrorInfo, context: ErrorContext): string {
  switch (kind) {
    case 'rate_limited':
      return 'BigQuery is throttling requests. Sluice retried with backoff and gave up; run again later, or raise retry.maxAttempts.';
    case 'transient':
      return 'BigQuery reported a temporary server-side failure. Sluice retried and gave up; run again: the load resumes where it stopped.';
    case 'quota_exceeded':
      return `A BigQuery quota of project "${context.projectId}" is used up (see the message for which one). Wait for it to reset (most are per day), load less often, or request a higher quota in the Google Cloud console under IAM & Admin > Quotas.`;
    case 'permission_denied': {
      const permission = missingPermission(info.message);
      return permission
        ? `The credentials lack the IAM permission ${permission}. Grant ${roleFor(permission)} to the principal Sluice runs as.`
        : 'The credentials lack an IAM permission. Grant roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on the project to the principal Sluice runs as.';
    }
    case 'dataset_not_found':
      return `Check the dataset name and projectId "${context.projectId}", that the dataset is in location "${context.location ?? '(default)'}" (the location option), and that the credentials can see it (roles/bigquery.dataViewer or higher). If it was deleted while Sluice ran, run again: each load creates its missing datasets, final and staging.`;
    case 'not_found':
      return 'The table or job is missing: it may have been deleted while Sluice ran, or the staging table expired. Run again.';
    case 'location_mismatch':
      return `The dataset is in another location than the configured location "${context.location ?? '(default)'}". Set the destination's location option to the dataset's location (shown in the console under Dataset info), or use another dataset.`;
    case 'bad_credentials':
      return 'The credentials are missing, expired, revoked or invalid. Pass credentials ({ keyFilename } or { credentials }), set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or refresh application default credentials with `gcloud auth application-default login`.';
    case 'already_exists':
      return 'Another process may be writing to the same dataset; run again.';
    case 'invalid':
      return 'BigQuery rejected the request as invalid. This is likely a bug in Sluice or data BigQuery cannot accept; please report it with the message above.';
    case 'unknown':
      return 'Check the message above; run again if it looks temporary.';
  }
}

/** An error from the BigQuery destination: the classified kind, Google's reason, and what to do about it. */
export class BigQueryDestinationError extends Error {
  override readonly name = 'BigQueryDestinationError';
  readonly kind: BigQueryErrorKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly reason: string | undefined;
  /** The missing IAM permission, for `permission_denied`. */
  readonly permission: string | undefined;
  /** Google's own message (redacted). */
  readonly googleMessage: string;

  constructor(info: GoogleErrorInfo, context: ErrorContext, attempts = 1) {
    const kind = classifyGoogleError(info);
    const googleMessage = redact(info.message);
    const tag = [info.status, info.reason].filter((part) => part !== undefined).join(' ');
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    super(
      `BigQuery failed while ${context.operation}${tries}: ${googleMessage}${tag ? ` (${tag})` : ''}. ${advice(kind, info, context)}`,
    );
    this.kind = kind;
    this.retryable = isRetryable(kind);
    this.status = info.status;
    this.reason = info.reason;
    this.permission = kind === 'permission_denied' ? missingPermission(info.message) : undefined;
    this.googleMessage = googleMessage;
  }
}

/** Wraps anything thrown by the client (or a failed job's status) for the user. */
export function toDestinationError(
  error: unknown,
  context: ErrorContext,
  attempts = 1,
): BigQueryDestinationError {
  if (error instanceof BigQueryDestinationError) return error;
  return new BigQueryDestinationError(readGoogleError(error), context, attempts);
}
