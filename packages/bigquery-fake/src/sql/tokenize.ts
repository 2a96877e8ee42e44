import { invalidQuery } from '../errors.js';

export type TokenKind =
  | 'space'
  | 'comment'
  | 'word'
  | 'quoted'
  | 'string'
  | 'bytes'
  | 'number'
  | 'param'
  | 'positional'
  | 'punct';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  /** Decoded value: identifier name for `word`/`quoted`, contents for `string`/`bytes`, name for `param`. */
  value: string;
  start: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '?': '?',
  '"': '"',
  "'": "'",
  '`': '`',
};

/** Decodes GoogleSQL backslash escapes (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical). */
function decodeEscapes(body: string, at: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i += 1;
    } else if (next === 'x' || next === 'X') {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (next === 'u') {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === 'U') {
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 2, i + 10), 16));
      i += 9;
    } else if (/[0-7]/.test(next)) {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      throw invalidQuery(`Syntax error: Illegal escape sequence: \\${next} at position ${at + i}`);
    }
  }
  return out;
}

const PUNCT = ['<=', '>=', '<>', '!=', '||', '<<', '>>', '=>'];

/** Splits GoogleSQL text into tokens, keeping whitespace and comments so the text can be rebuilt. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number, value?: string) => {
    const text = sql.slice(i, end);
    tokens.push({ kind, text, value: value ?? text, start: i });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i] as string;
    const rest = sql.slice(i);
    if (/\s/.test(ch)) {
      push('space', i + (/^\s+/.exec(rest)?.[0].length ?? 1));
    } else if (rest.startsWith('--') || ch === '#') {
      const nl = sql.indexOf('\n', i);
      push('comment', nl === -1 ? sql.length : nl);
    } else if (rest.startsWith('/*')) {
      const close = sql.indexOf('*/', i + 2);
      if (close === -1) throw invalidQuery(`Syntax error: Unclosed comment at position ${i}`);
      push('comment', close + 2);
    } else if (ch === '`') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== '`') j += sql[j] === '\\' ? 2 : 1;
      if (j >= sql.length) throw invalidQuery(`Syntax error: Unclosed identifier literal at position ${i}`);
      push('quoted', j + 1, decodeEscapes(sql.slice(i + 1, j), i + 1));
    } else if (/^[rRbB]{0,2}['"]/.test(rest)) {
      const prefix = /^[rRbB]{0,2}/.exec(rest)?.[0] ?? '';
      const raw = /r/i.test(prefix);
      const bytes = /b/i.test(prefix);
      const quoteStart = i + prefix.length;
      const q = sql[quoteStart] as string;
      const triple = sql.slice(quoteStart, quoteStart + 3) === q.repeat(3);
      const delim = triple ? q.repeat(3) : q;
      let j = quoteStart + delim.length;
      while (j < sql.length && sql.slice(j, j + delim.length) !== delim) {
        if (!triple && sql[j] === '\n') break;
        j += sql[j] === '\\' ? 2 : 1;
      }
      if (j >= sql.length || sql.slice(j, j + delim.length) !== delim) {
        throw invalidQuery(`Syntax error: Unclosed string literal at position ${i}`);
      }
      const body = sql.slice(quoteStart + delim.length, j);
      push(bytes ? 'bytes' : 'string', j + delim.length, raw ? body : decodeEscapes(body, quoteStart));
    } else if (/[A-Za-z_]/.test(ch)) {
      push('word', i + (/^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0].length ?? 1));
    } else if (/[0-9]/.test(ch) || (ch === '.' && /^\.[0-9]/.test(rest))) {
      const m = /^(0[xX][0-9a-fA-F]+|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)/.exec(rest);
      push('number', i + (m?.[0].length ?? 1));
    } else if (ch === '@') {
      const m = /^@@?[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
      if (!m) throw invalidQuery(`Syntax error: Unexpected "@" at position ${i}`);
      push('param', i + m[0].length, m[0].slice(1));
    } else if (ch === '?') {
      push('positional', i + 1);
    } else {
      const two = rest.slice(0, 2);
      push('punct', i + (PUNCT.includes(two) ? 2 : 1));
    }
  }
  return tokens;
}

/** True for tokens that carry meaning (not whitespace or comments). */
export const isSignificant = (t: Token): boolean => t.kind !== 'space' && t.kind !== 'comment';

/** True if `t` is the keyword `word` (case-insensitive, unquoted). */
export const isWord = (t: Token | undefined, word: string): boolean =>
  t !== undefined && t.kind === 'word' && t.value.toUpperCase() === word;

/** Splits a script into statements at top-level semicolons; drops empty statements. */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === ';') {
      if (current.some(isSignificant)) statements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.some(isSignificant)) statements.push(current);
  return statements;
}
