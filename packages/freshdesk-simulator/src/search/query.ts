/**
 * A subset of Freshdesk's search query language:
 *   priority:3 AND (status:2 OR status:3) AND tag:'vip' AND updated_at:>'2024-01-01' AND cf_region:'EMEA'
 * Field equality, `:>` (at or after / at least) and `:<` (at or before / at most), AND, OR, parentheses;
 * values are numbers, 'quoted strings', true, false or null.
 */

export type Literal = string | number | boolean | null;

export type QueryNode =
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'compare'; field: string; op: '=' | '>' | '<'; value: Literal };

export class QueryError extends Error {}

type Token =
  | { type: 'word'; value: string }
  | { type: 'string'; value: string }
  | { type: 'punct'; value: '(' | ')' | ':' | '>' | '<' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ':' || ch === '>' || ch === '<') {
      tokens.push({ type: 'punct', value: ch });
      i++;
    } else if (ch === "'") {
      const end = input.indexOf("'", i + 1);
      if (end === -1) throw new QueryError(`Unterminated string starting at position ${i}`);
      tokens.push({ type: 'string', value: input.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s():<>']/.test(input[j] as string)) j++;
      tokens.push({ type: 'word', value: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QueryError('The query is empty');
    const node = this.or();
    if (this.pos < this.tokens.length) throw new QueryError(`Unexpected "${this.tokens[this.pos]?.value}"`);
    return node;
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.pos];
    return t?.type === 'word' && t.value.toUpperCase() === word;
  }

  private or(): QueryNode {
    let left = this.and();
    while (this.peekWord('OR')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): QueryNode {
    let left = this.primary();
    while (this.peekWord('AND')) {
      this.pos++;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): QueryNode {
    const t = this.tokens[this.pos++];
    if (!t) throw new QueryError('The query ends unexpectedly');
    if (t.type === 'punct' && t.value === '(') {
      const node = this.or();
      const close = this.tokens[this.pos++];
      if (close?.type !== 'punct' || close.value !== ')') throw new QueryError('Missing ")"');
      return node;
    }
    if (t.type !== 'word') throw new QueryError(`Expected a field name, got "${t.value}"`);
    const colon = this.tokens[this.pos++];
    if (colon?.type !== 'punct' || colon.value !== ':')
      throw new QueryError(`Expected ":" after "${t.value}"`);
    let op: '=' | '>' | '<' = '=';
    const next = this.tokens[this.pos];
    if (next?.type === 'punct' && (next.value === '>' || next.value === '<')) {
      op = next.value;
      this.pos++;
    }
    const valueToken = this.tokens[this.pos++];
    if (!valueToken || valueToken.type === 'punct') throw new QueryError(`Missing value for "${t.value}"`);
    return { kind: 'compare', field: t.value, op, value: literal(valueToken) };
  }
}

function literal(token: Token): Literal {
  if (token.type === 'string') return token.value;
  const v = token.value;
  if (v === 'null') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw new QueryError(`"${v}" is not a number, true, false, null or a 'quoted string'`);
}

/** Parses the `query` parameter, which Freshdesk requires to be wrapped in double quotes. */
export function parseSearchQuery(raw: string): QueryNode {
  const trimmed = raw.trim();
  if (trimmed.length < 2 || !trimmed.startsWith('"') || !trimmed.endsWith('"')) {
    throw new QueryError('The query must be enclosed in double quotes, e.g. query="status:2"');
  }
  const inner = trimmed.slice(1, -1);
  if (inner.length > 512) throw new QueryError('The query must be at most 512 characters long');
  return new Parser(tokenize(inner)).parse();
}

/** Reads a field of a record as the search language sees it (values may be arrays, e.g. tags). */
export type FieldReader = (record: Record<string, unknown>, field: string) => unknown;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function compareValue(actual: unknown, op: '=' | '>' | '<', expected: Literal): boolean {
  if (Array.isArray(actual)) return actual.some((item) => compareValue(item, op, expected));
  if (typeof expected === 'string' && (DATE_ONLY.test(expected) || /^\d{4}-\d{2}-\d{2}T/.test(expected))) {
    if (typeof actual !== 'string') return false;
    const a = Date.parse(DATE_ONLY.test(actual) ? `${actual}T00:00:00Z` : actual);
    const start = Date.parse(DATE_ONLY.test(expected) ? `${expected}T00:00:00Z` : expected);
    if (Number.isNaN(a) || Number.isNaN(start)) return false;
    // Dates compare by day: :> means on or after the day, :< on or before it.
    const end = DATE_ONLY.test(expected) ? start + DAY_MS : start + 1000;
    if (op === '>') return a >= start;
    if (op === '<') return a < end;
    return a >= start && a < end;
  }
  if (op === '=') {
    if (typeof expected === 'string' && typeof actual === 'string')
      return actual.toLowerCase() === expected.toLowerCase();
    return actual === expected;
  }
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  return op === '>' ? actual >= expected : actual <= expected;
}

/** Turns a parsed query into a predicate over records. */
export function compileQuery(
  node: QueryNode,
  read: FieldReader,
): (record: Record<string, unknown>) => boolean {
  switch (node.kind) {
    case 'and': {
      const l = compileQuery(node.left, read);
      const r = compileQuery(node.right, read);
      return (record) => l(record) && r(record);
    }
    case 'or': {
      const l = compileQuery(node.left, read);
      const r = compileQuery(node.right, read);
      return (record) => l(record) || r(record);
    }
    case 'compare':
      return (record) => compareValue(read(record, node.field), node.op, node.value);
  }
}

/** Field names used in a query (to reject unknown ones up front). */
export function queryFields(node: QueryNode): string[] {
  if (node.kind === 'compare') return [node.field];
  return [...queryFields(node.left), ...queryFields(node.right)];
}
