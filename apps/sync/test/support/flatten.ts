import { normalizeName } from '@sluice/loader-core';

/** One row a record should become: its non-null leaf values by column, and its list items by child table. */
export interface ExpectedRow {
  readonly values: ReadonlyMap<string, unknown>;
  readonly children: ReadonlyMap<string, readonly ExpectedRow[]>;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The rows loader-core's documented flattening makes of a record, written independently of it so the
 * comparison checks the loader instead of repeating it: nested objects become `a__b` columns (each key
 * normalized with `normalizeName`), lists become child tables `<table>__<column>` in list order (scalars as a
 * `value` column, lists of lists one level further), null values and empty lists leave nothing.
 */
export function expectedRow(table: string, record: Plain): ExpectedRow {
  const values = new Map<string, unknown>();
  const children = new Map<string, ExpectedRow[]>();
  const fill = (source: Plain, prefix: string): void => {
    for (const [key, value] of Object.entries(source)) {
      if (value === null || value === undefined) continue;
      const column = prefix + normalizeName(key);
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        const child = `${table}__${column}`;
        if (children.has(child)) throw new Error(`Two lists of ${table} both map to ${child}.`);
        children.set(
          child,
          value.map((item) => expectedRow(child, isPlain(item) ? item : { value: item })),
        );
      } else if (isPlain(value)) {
        fill(value, `${column}__`);
      } else {
        if (values.has(column)) throw new Error(`Two keys of ${table} both map to column ${column}.`);
        values.set(column, value);
      }
    }
  };
  fill(record, '');
  return { values, children };
}
