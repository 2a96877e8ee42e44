import type { ContractMode, DataType, SchemaContract } from './types.js';

/** What a resource may pass: one mode for everything, or per entity. */
export type SchemaContractOption = ContractMode | SchemaContract;

export interface ResolvedContract {
  readonly tables: ContractMode;
  readonly columns: ContractMode;
  readonly dataType: ContractMode;
}

export function resolveContract(option: SchemaContractOption | undefined): ResolvedContract {
  if (option === undefined) return { tables: 'evolve', columns: 'evolve', dataType: 'evolve' };
  if (typeof option === 'string') return { tables: option, columns: option, dataType: option };
  return {
    tables: option.tables ?? 'evolve',
    columns: option.columns ?? 'evolve',
    dataType: option.dataType ?? 'evolve',
  };
}

export type ContractViolation =
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'column'; readonly table: string; readonly column: string; readonly dataType: DataType }
  | {
      readonly kind: 'dataType';
      readonly table: string;
      readonly column: string;
      readonly columnType: DataType;
      readonly dataType: DataType;
    };

/** Raised under a `freeze` contract when data does not fit the stored schema. */
export class SchemaContractError extends Error {
  override readonly name = 'SchemaContractError';

  constructor(readonly violation: ContractViolation) {
    super(describe(violation));
  }
}

function describe(v: ContractViolation): string {
  switch (v.kind) {
    case 'table':
      return (
        `Schema contract violation: the data creates the new table "${v.table}", but the contract freezes tables. ` +
        `Set schemaContract.tables to 'evolve' to create it, or 'discard_row' to drop its data.`
      );
    case 'column':
      return (
        `Schema contract violation: table "${v.table}" would get the new column "${v.column}" (${v.dataType}), ` +
        `but the contract freezes columns. Set schemaContract.columns to 'evolve' to add it, 'discard_value' to ` +
        `drop such values or 'discard_row' to drop such rows.`
      );
    case 'dataType':
      return (
        `Schema contract violation: column "${v.table}"."${v.column}" is ${v.columnType} but a record holds a ` +
        `${v.dataType} value, and the contract freezes data types. Set schemaContract.dataType to 'evolve' to ` +
        `store it in a variant column, 'discard_value' to drop such values or 'discard_row' to drop such rows.`
      );
  }
}
