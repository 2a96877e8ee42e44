import {
  FreshdeskAuthenticationError,
  FreshdeskConfigError,
  FreshdeskError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskPermissionError,
  FreshdeskRateLimitError,
  FreshdeskResponseBodyError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
} from '@sluice/freshdesk-client';
import { EXIT_FAILURE, EXIT_USAGE, RunInterrupted, SyncFailure, UsageError } from '../config/errors.js';

/** A failure as the CLI shows it: what happened and what to do, and the exit code. */
export interface DescribedFailure {
  readonly message: string;
  readonly exitCode: number;
}

const RERUN =
  'Nothing half-done was committed: rerun the same command once the cause is fixed, it resumes where it stopped.';

/** Turns any error into a message that says what to do; unknown errors keep their message. */
export function describeFailure(error: unknown, where = 'Freshdesk'): DescribedFailure {
  if (error instanceof UsageError) return { message: error.message, exitCode: EXIT_USAGE };
  if (error instanceof RunInterrupted) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof SyncFailure) return { message: error.message, exitCode: EXIT_FAILURE };
  if (error instanceof FreshdeskConfigError) return { message: error.message, exitCode: EXIT_USAGE };
  if (error instanceof FreshdeskAuthenticationError) {
    return {
      message: `${where} rejected the API key (HTTP 401). Check FRESHDESK_API_KEY: copy it again from Freshdesk (Profile settings > View API key) and make sure it belongs to the helpdesk in FRESHDESK_DOMAIN.`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskPermissionError) {
    return {
      message: `${where} refused access (HTTP 403) to ${error.path}: the agent owning the API key lacks the permission or the plan lacks the feature. Use an admin's key, or leave the resource out with --resources.`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskNotFoundError) {
    return {
      message: `${where} answered 404 for ${error.path}: check FRESHDESK_DOMAIN (is this the right helpdesk?) or leave the resource out with --resources.`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskNetworkError || error instanceof FreshdeskTimeoutError) {
    return {
      message: `Could not reach ${where}: ${error.message} Check FRESHDESK_DOMAIN and the network. ${RERUN}`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskResponseBodyError) {
    return {
      message: `${where} ${error.method} ${error.path}: ${error.problem === 'interrupted' ? 'the connection broke while reading the answer' : 'the answer was truncated or not valid JSON'} on all ${error.attempts} attempts. Check for a proxy or an unstable network between this machine and ${where}. ${RERUN}`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskRateLimitError) {
    return {
      message: `${where} kept answering 429 (rate limit) after every retry: another integration may be using the account's budget. Lower --requests-per-minute or run later. ${RERUN}`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof FreshdeskServerError) {
    return { message: `${error.message} Freshdesk had a server error; ${RERUN}`, exitCode: EXIT_FAILURE };
  }
  if (error instanceof FreshdeskError)
    return { message: `${error.message} ${RERUN}`, exitCode: EXIT_FAILURE };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `${message}${/\.$/.test(message) ? '' : '.'} ${RERUN}`, exitCode: EXIT_FAILURE };
}
