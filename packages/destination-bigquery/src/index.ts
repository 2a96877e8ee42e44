export { bigquery } from './destination.js';
export { BigQueryDialect } from './dialect/dialect.js';
export { BigQueryQueryCompiler, quoteIdentifier, quoteString } from './dialect/query-compiler.js';
export { BigQueryDestinationError, type BigQueryErrorKind } from './errors.js';
export type { BigQueryCredentials, BigQueryDestinationOptions, ServiceAccountKey } from './options.js';
export type { RetryOptions } from './retry.js';
export { columnTypeSql } from './schema/column-type.js';
export type { PartitionGranularity } from './schema/table-layout.js';
export { BIGQUERY_CAPABILITIES, BigQuerySqlDriver, type BigQuerySqlDriverConfig } from './sql-driver.js';
