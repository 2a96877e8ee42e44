import type { TableConfig } from '../normalize/options.js';
import { type AnyResource, asArray } from '../resource.js';

/** The serializable table options of a resource, stored in the package manifest. */
export function tableConfig(res: AnyResource): TableConfig {
  const o = res.options;
  const incremental = res.kind === 'resource' ? res.options.incremental : undefined;
  return {
    resource: res.name,
    tableName: o.tableName ?? res.name,
    writeDisposition: o.writeDisposition ?? 'append',
    primaryKey: asArray(o.primaryKey),
    mergeKey: asArray(o.mergeKey),
    columns: o.columns ?? {},
    ...(o.maxNestingDepth !== undefined ? { maxNestingDepth: o.maxNestingDepth } : {}),
    ...(o.schemaContract !== undefined ? { schemaContract: o.schemaContract } : {}),
    ...(incremental ? { cursorPath: incremental.cursor } : {}),
  };
}
