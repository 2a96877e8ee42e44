import { invalidQuery } from '../errors.js';
import type { SigToken } from './rewrite.js';
import { isWord } from './tokenize.js';

/** The `OPTIONS(...)` of DDL statements that the fake keeps as table or dataset metadata. */
export interface DdlOptions {
  /** `labels=[('k', 'v'), ...]`. */
  labels?: Record<string, string>;
  description?: string;
  /** `expiration_timestamp=TIMESTAMP '...'`, as epoch milliseconds. */
  expirationTime?: number;
  /** CREATE SCHEMA: `location='EU'`. */
  location?: string;
  /** CREATE SCHEMA: `default_table_expiration_days=1.5`, in milliseconds. */
  defaultTableExpirationMs?: number;
}

const DAY_MS = 86_400_000;

/**
 * Reads `OPTIONS(name=value, ...)` from `open` (the `(` after OPTIONS). Options the fake does not model are
 * skipped; a malformed labels list fails like BigQuery would.
 */
export function parseDdlOptions(t: readonly SigToken[], open: number): { options: DdlOptions; next: number } {
  const options: DdlOptions = {};
  if (t[open]?.text !== '(') throw invalidQuery('Syntax error: Expected "(" after OPTIONS');
  let i = open + 1;
  while (i < t.length && t[i]?.text !== ')') {
    const name = t[i]?.value.toLowerCase() ?? '';
    if (t[i + 1]?.text !== '=') throw invalidQuery(`Syntax error: Expected "=" after option ${name}`);
    const end = valueEnd(t, i + 2);
    const value = t.slice(i + 2, end);
    readOption(options, name, value);
    i = t[end]?.text === ',' ? end + 1 : end;
  }
  return { options, next: i + 1 };
}

function readOption(options: DdlOptions, name: string, value: readonly SigToken[]): void {
  const [first] = value;
  switch (name) {
    case 'labels':
      options.labels = readLabels(value);
      return;
    case 'description':
      if (first?.kind === 'string') options.description = first.value;
      return;
    case 'location':
      if (first?.kind === 'string') options.location = first.value;
      return;
    case 'expiration_timestamp': {
      const literal = value.find((x) => x.kind === 'string');
      if (literal) options.expirationTime = parseTimestamp(literal.value);
      return;
    }
    case 'default_table_expiration_days':
      if (first?.kind === 'number')
        options.defaultTableExpirationMs = Math.round(Number(first.text) * DAY_MS);
      return;
    default:
  }
}

/** `[('k', 'v'), ("k2", "v2")]` or `[STRUCT('k', 'v')]`. */
function readLabels(value: readonly SigToken[]): Record<string, string> {
  const strings = value.filter((x) => x.kind === 'string').map((x) => x.value);
  const shapeOk = value[0]?.text === '[' && value.at(-1)?.text === ']' && strings.length % 2 === 0;
  if (!shapeOk) {
    throw invalidQuery(
      "Invalid value for option labels: expected an array of (key, value) string pairs, e.g. [('team', 'data')]",
    );
  }
  const labels: Record<string, string> = {};
  for (let k = 0; k < strings.length; k += 2) labels[strings[k] as string] = strings[k + 1] as string;
  return labels;
}

/** A GoogleSQL timestamp literal (`2030-01-01 00:00:00[.ffffff][+HH[:MM]|Z|UTC]`, default UTC) in epoch ms. */
function parseTimestamp(text: string): number {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?))?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/i.exec(
      text.trim(),
    );
  const ms = m ? Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${utcOffset(m[3])}`) : Number.NaN;
  if (Number.isNaN(ms)) throw invalidQuery(`Invalid TIMESTAMP literal for expiration_timestamp: ${text}`);
  return ms;
}

/** `+2`, `+0530`, `-08:00`, `Z`, `UTC` or none as an ISO-8601 offset. */
function utcOffset(zone: string | undefined): string {
  const m = zone ? /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone) : null;
  return m ? `${m[1]}${(m[2] as string).padStart(2, '0')}:${m[3] ?? '00'}` : 'Z';
}

/** Index of the `,` or `)` that ends an option value starting at `i`. */
function valueEnd(t: readonly SigToken[], i: number): number {
  let depth = 0;
  for (let j = i; j < t.length; j++) {
    const x = t[j]?.text;
    if (x === '(' || x === '[') depth += 1;
    else if (x === ']' || (x === ')' && depth > 0)) depth -= 1;
    else if (depth === 0 && (x === ',' || x === ')')) return j;
  }
  return t.length;
}

/** True at `OPTIONS (`. */
export const isOptions = (t: readonly SigToken[], i: number): boolean =>
  isWord(t[i], 'OPTIONS') && t[i + 1]?.text === '(';
