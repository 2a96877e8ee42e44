export { BigQueryDialect } from './dialect/dialect.js';
export { BigQueryQueryCompiler } from './dialect/query-compiler.js';
export type { BigQueryErrorKind } from './errors.js';
export { BigQueryDestinationError } from './errors.js';
export type { RetryOptions } from './retry.js';
export { columnTypeSql } from './schema/column-type.js';
