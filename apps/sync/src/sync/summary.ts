import type { LoadInfo } from '@sluice/loader-core';

/** What a run did, for the summary table and JSON logs. */
export interface SyncSummary {
  readonly destination: string;
  readonly info: LoadInfo;
  /** HTTP requests sent to Freshdesk, retries included. */
  readonly requests: number;
  /** Pages read per resource. */
  readonly pages: Readonly<Record<string, number>>;
  /** Records extracted per resource in this run. */
  readonly extracted: Readonly<Record<string, number>>;
  /** The incremental cursor of each resource after the run. */
  readonly cursors: Readonly<Record<string, unknown>>;
  readonly durationMs: number;
}
