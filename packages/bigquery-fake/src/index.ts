export type { ReceivedQuery, RequestLogEntry } from './api/state.js';
export type { CanonicalType, TableFieldSchema, TableSchema } from './catalog/types.js';
export { canonicalType } from './catalog/types.js';
export type { BigQueryErrorProto, BigQueryErrorReason } from './errors.js';
export {
  type BigQueryFake,
  type BigQueryFakeOptions,
  type FailJobsOptions,
  type InjectErrorOptions,
  startBigQueryFake,
} from './fake.js';
export {
  createZetaSqlAnalyzer,
  tryCreateZetaSqlAnalyzer,
  ZetaSqlUnavailableError,
} from './zetasql/analyzer.js';
export type { AnalyzeOptions, AnalyzeResult, CatalogTable, SqlAnalyzer } from './zetasql/types.js';
