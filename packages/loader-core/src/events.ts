import type { DestinationEvent } from './destination/types.js';
import type { PackageState } from './package/storage.js';

/** Structured progress of a pipeline run, for CLIs and logs. */
export type PipelineEvent =
  | { readonly type: 'run_started'; readonly pipelineName: string; readonly pendingPackages: number }
  | { readonly type: 'package_resumed'; readonly loadId: string; readonly state: PackageState }
  | { readonly type: 'resource_started'; readonly resource: string }
  | { readonly type: 'rows_extracted'; readonly resource: string; readonly rows: number }
  | { readonly type: 'resource_completed'; readonly resource: string; readonly rows: number }
  | { readonly type: 'package_extracted'; readonly loadId: string; readonly records: number }
  | {
      readonly type: 'package_normalized';
      readonly loadId: string;
      readonly rows: Readonly<Record<string, number>>;
      readonly schemaChanges: number;
    }
  | { readonly type: 'schema_migrated'; readonly loadId: string; readonly changes: number }
  | { readonly type: 'file_loaded'; readonly loadId: string; readonly table: string; readonly rows: number }
  | { readonly type: 'table_loaded'; readonly loadId: string; readonly table: string; readonly rows: number }
  | { readonly type: 'state_committed'; readonly loadId: string }
  | { readonly type: 'package_loaded'; readonly loadId: string; readonly alreadyLoaded: boolean }
  | { readonly type: 'run_completed'; readonly pipelineName: string; readonly durationMs: number };

export type PipelineEventListener = (event: PipelineEvent) => void;

/** Maps a destination's progress report onto pipeline events. */
export function fromDestinationEvent(loadId: string, event: DestinationEvent): PipelineEvent {
  switch (event.type) {
    case 'schema_migrated':
      return { type: 'schema_migrated', loadId, changes: event.changes };
    case 'file_loaded':
      return { type: 'file_loaded', loadId, table: event.table, rows: event.rows };
    case 'table_completed':
      return { type: 'table_loaded', loadId, table: event.table, rows: event.rows };
    case 'committed':
      return { type: 'state_committed', loadId };
  }
}
