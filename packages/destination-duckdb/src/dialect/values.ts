import {
  arrayFromArrayValue,
  arrayFromListValue,
  blobValue,
  booleanFromValue,
  bytesFromBlobValue,
  type DuckDBDecimalValue,
  type DuckDBTimestampTZValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  type DuckDBValueConverter,
  JSDuckDBValueConverter,
  numberFromValue,
  objectArrayFromMapValue,
  objectFromStructValue,
  objectFromUnionValue,
  stringFromValue,
  timestampTZValue,
} from '@duckdb/node-api';

/** A value read from DuckDB, as the dialect returns it in result rows. */
export type ResultValue =
  | string
  | number
  | boolean
  | bigint
  | Uint8Array
  | null
  | readonly ResultValue[]
  | { readonly [key: string]: ResultValue };

/**
 * Integers as numbers while they are exact, else as decimal strings: the same encoding load files use for
 * bigint, and unlike a bigint it survives `JSON.stringify`.
 */
export function integerResult(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/**
 * ISO-8601 UTC with microseconds (`2024-01-02T03:04:05.123456Z`): DuckDB keeps microseconds, a JS Date
 * only milliseconds. Infinite and out-of-Date-range values fall back to DuckDB's own rendering.
 */
export function isoFromMicros(micros: bigint): string {
  let millis = micros / 1000n;
  let rest = micros % 1000n;
  if (rest < 0n) {
    millis -= 1n;
    rest += 1000n;
  }
  const date = new Date(Number(millis));
  if (Number.isNaN(date.getTime())) return timestampTZValue(micros).toString();
  const iso = date.toISOString();
  return rest === 0n ? iso : `${iso.slice(0, -1)}${rest.toString().padStart(3, '0')}Z`;
}

function integer(value: DuckDBValue): number | string {
  return integerResult(typeof value === 'bigint' ? value : BigInt(value as number));
}

function timestampTz(value: DuckDBValue): string {
  const timestamp = value as DuckDBTimestampTZValue;
  return timestamp.isFinite ? isoFromMicros(timestamp.micros) : timestamp.toString();
}

function plainTimestamp(value: DuckDBValue): string {
  // TIMESTAMP (without zone) has the same micros layout; rendered without a zone designator.
  const micros = (value as { micros: bigint }).micros;
  return isoFromMicros(micros).replace(/Z$/, '');
}

function decimal(value: DuckDBValue): string {
  // Exact: a double would round DECIMAL(38,9).
  return (value as DuckDBDecimalValue).toString();
}

function bytes(value: DuckDBValue): Uint8Array {
  // A plain Uint8Array, not Node's Buffer subclass, so results compare and serialize the same everywhere.
  const blob = bytesFromBlobValue(value);
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

function text(value: DuckDBValue): string {
  return String(value);
}

type Converter = (
  value: DuckDBValue,
  type: DuckDBType,
  converter: DuckDBValueConverter<ResultValue>,
) => ResultValue;

const converters: Partial<Record<DuckDBTypeId, Converter>> = {
  [DuckDBTypeId.BOOLEAN]: booleanFromValue,
  [DuckDBTypeId.TINYINT]: numberFromValue,
  [DuckDBTypeId.SMALLINT]: numberFromValue,
  [DuckDBTypeId.INTEGER]: numberFromValue,
  [DuckDBTypeId.UTINYINT]: numberFromValue,
  [DuckDBTypeId.USMALLINT]: numberFromValue,
  [DuckDBTypeId.UINTEGER]: numberFromValue,
  [DuckDBTypeId.BIGINT]: integer,
  [DuckDBTypeId.UBIGINT]: integer,
  [DuckDBTypeId.HUGEINT]: integer,
  [DuckDBTypeId.UHUGEINT]: integer,
  [DuckDBTypeId.BIGNUM]: integer,
  [DuckDBTypeId.FLOAT]: numberFromValue,
  [DuckDBTypeId.DOUBLE]: numberFromValue,
  [DuckDBTypeId.DECIMAL]: decimal,
  [DuckDBTypeId.VARCHAR]: stringFromValue,
  [DuckDBTypeId.ENUM]: stringFromValue,
  [DuckDBTypeId.UUID]: text,
  [DuckDBTypeId.BLOB]: bytes,
  [DuckDBTypeId.DATE]: text,
  [DuckDBTypeId.TIME]: text,
  [DuckDBTypeId.TIME_NS]: text,
  [DuckDBTypeId.TIME_TZ]: text,
  [DuckDBTypeId.INTERVAL]: text,
  [DuckDBTypeId.TIMESTAMP_TZ]: timestampTz,
  [DuckDBTypeId.TIMESTAMP]: plainTimestamp,
  [DuckDBTypeId.TIMESTAMP_S]: text,
  [DuckDBTypeId.TIMESTAMP_MS]: text,
  [DuckDBTypeId.TIMESTAMP_NS]: text,
  [DuckDBTypeId.LIST]: arrayFromListValue,
  [DuckDBTypeId.ARRAY]: arrayFromArrayValue,
  [DuckDBTypeId.STRUCT]: objectFromStructValue,
  [DuckDBTypeId.MAP]: objectArrayFromMapValue,
  [DuckDBTypeId.UNION]: objectFromUnionValue,
  [DuckDBTypeId.SQLNULL]: () => null,
};

/**
 * Maps DuckDB result values to plain JS: integers as numbers when exact else strings, DECIMAL as exact
 * strings, TIMESTAMPTZ as ISO-8601 UTC strings, DATE `YYYY-MM-DD`, TIME `HH:MM:SS[.ffffff]`, JSON as its
 * text, BLOB as Uint8Array, lists and structs as arrays and objects.
 */
export const resultValueConverter: DuckDBValueConverter<ResultValue> = (value, type, converter) => {
  if (value === null) return null;
  const own = converters[type.typeId];
  // Types a loader never creates (BIT, GEOMETRY, VARIANT, ...) keep the Node API's own JS mapping.
  return own
    ? own(value, type, converter)
    : (JSDuckDBValueConverter(value, type, JSDuckDBValueConverter) as ResultValue);
};

/**
 * Maps a query parameter to a DuckDB value. Dates bind as TIMESTAMPTZ, bytes as BLOB, objects and arrays
 * as their JSON text (DuckDB casts text to JSON); everything else as the primitive it is.
 */
export function toDuckDbValue(value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    case 'object':
      if (value instanceof Date) return timestampTZValue(BigInt(value.getTime()) * 1000n);
      if (value instanceof Uint8Array) return blobValue(value);
      return JSON.stringify(value);
    default:
      throw new TypeError(
        `Cannot bind a ${typeof value} as a DuckDB query parameter: pass a string, number, boolean, bigint, Date, Uint8Array, object or null.`,
      );
  }
}
