/** Quotes an identifier for DuckDB. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A DuckDB string literal (standard SQL: no backslash escapes). */
export const quoteString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A DuckDB BLOB expression for raw bytes. */
export const bytesLiteral = (bytes: Buffer): string => `from_hex('${bytes.toString('hex')}')`;
