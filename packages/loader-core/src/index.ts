export { type MergePlan, mergePlan, mergeScopeTable } from './destination/merge-plan.js';
export type * from './destination/types.js';
export type { PipelineEvent, PipelineEventListener } from './events.js';
export { isMergeKeyScope, type MergeKeyScope, mergeKeyScope } from './extract/merge-key-scope.js';
export { ResourceError } from './extract/resource-error.js';
export {
  boundaryKey,
  compareCursor,
  type Duration,
  type IncrementalContext,
  type IncrementalOptions,
} from './incremental/cursor.js';
export type { ColumnHint, TableConfig } from './normalize/options.js';
export type { PackageState } from './package/storage.js';
export type * from './package/types.js';
export {
  createPipeline,
  type LoadInfo,
  type NewColumn,
  type PackageInfo,
  type Pipeline,
  type PipelineOptions,
  type RunOptions,
  SimulatedCrashError,
} from './pipeline.js';
export {
  type AnyResource,
  type DataRecord,
  type RecordStream,
  type Resource,
  type ResourceContext,
  type ResourceOptions,
  type ResourceSource,
  resource,
  type Transformer,
  type TransformerOptions,
  type TransformFunction,
  type TransformResult,
  transformer,
} from './resource.js';
export {
  type ContractViolation,
  SchemaContractError,
  type SchemaContractOption,
} from './schema/contract.js';
export { inferType, isIsoDate, isIsoTimestamp } from './schema/infer.js';
export { normalizeName, shortenIdentifier } from './schema/naming.js';
export { SYSTEM_COLUMNS } from './schema/system-columns.js';
export type * from './schema/types.js';
export { createSqlClient, sqlDestination } from './sql/client.js';
export type * from './sql/driver.js';
export { SYSTEM_TABLE_NAMES } from './sql/system-tables.js';
