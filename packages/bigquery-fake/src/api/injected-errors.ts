import type { BigQueryErrorReason } from '../errors.js';

const DEFAULT_STATUS: Partial<Record<BigQueryErrorReason, number>> = {
  rateLimitExceeded: 403,
  quotaExceeded: 403,
  accessDenied: 403,
  authError: 401,
  backendError: 503,
  internalError: 500,
  notFound: 404,
  duplicate: 409,
};

/** The HTTP status BigQuery uses for an error reason (400 when it varies). */
export const defaultInjectedStatus = (reason: BigQueryErrorReason): number => DEFAULT_STATUS[reason] ?? 400;

/** BigQuery's wording for an injected error, so clients and destinations see realistic messages. */
export function defaultInjectedMessage(
  reason: BigQueryErrorReason,
  projectId: string,
  permission?: string,
): string {
  switch (reason) {
    case 'rateLimitExceeded':
      return 'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas';
    case 'quotaExceeded':
      return `Quota exceeded: Your project ${projectId} exceeded quota for free query bytes scanned. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas`;
    case 'accessDenied':
      return `Access Denied: Project ${projectId}: User does not have ${permission ?? 'bigquery.jobs.create'} permission in project ${projectId}.`;
    case 'authError':
      return 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';
    case 'backendError':
      return 'Backend error. Job aborted.';
    default:
      return `Injected ${reason} error`;
  }
}
