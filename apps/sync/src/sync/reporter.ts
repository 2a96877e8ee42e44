import type { FreshdeskEvent } from '@sluice/freshdesk-client';
import type { PipelineEvent } from '@sluice/loader-core';
import type { SyncSummary } from './summary.js';

export interface RunStart {
  readonly destination: string;
  readonly resources: readonly string[];
  readonly startDate: string;
}

/** Where a run reports progress: a live terminal view, plain lines or JSON lines. */
export interface SyncReporter {
  start(info: RunStart): void;
  pipeline(event: PipelineEvent): void;
  freshdesk(event: FreshdeskEvent): void;
  /** A message for the user (not an error). */
  note(message: string): void;
  finish(summary: SyncSummary): void;
  /** Called once when the run fails, before the process exits. */
  fail(message: string, exitCode: number): void;
}

/** Attributes a request path to a catalog resource, e.g. /api/v2/tickets/7/conversations to conversations. */
export type PathResolver = (path: string) => string | undefined;
