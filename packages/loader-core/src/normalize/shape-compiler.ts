import { isIsoDate, isUtcSecondsTimestamp } from '../schema/infer.js';
import type { DataType } from '../schema/types.js';
import { numberText } from './encode.js';
import { isPlainObject } from './plain-object.js';
import { MAX_REPEATED_LENGTH, type RepeatedValues, remember } from './repeated-values.js';
import { type FieldKeys, foldedPiece, needsEscape, type RowState, SMALL_INTS } from './row-text.js';

/**
 * A walk of records compiled for their shape. Records of one resource nearly always have the same keys in
 * the same order (an API writes every field, blank ones as null), and a general walk spends most of its time
 * finding out again, for each key, what the key is and what its column takes. A compiled walk knows: for the
 * key order it was made from, each position has its key, its column keys and its expected value kind written
 * into the code. Anything else (another key at a position, a value of another kind, keys past the end) goes
 * to the general handlers the plan names, with the same result, so a compiled walk is never wrong, at worst
 * slower. The generated code holds no text from the records: keys and identifiers are passed in as values.
 */

/** A non-empty list found in a row: its items become rows of a child table (see `RecordNormalizer`). */
export type ListEntry = readonly [node: unknown, key: string, items: unknown[], depth: number];

/** Appends `value` for a known leaf in general; true when a contract discards the row. */
export type LeafHandler = (value: unknown) => boolean;

/** Handles one key of an object in general (`at`: its position); true when a contract discards the row. */
export type KeyHandler = (key: string, value: unknown, at: number, lists: ListEntry[]) => boolean;

/** The kinds of leaf a compiled walk appends itself when the value has the expected type. */
export type LeafKind = 'text' | 'timestamp' | 'date' | 'number' | 'bool';

export type FieldPlan =
  | {
      readonly kind: 'leaf';
      readonly key: string;
      /** What the column takes on the fast path; null: every value goes to `general`. */
      readonly fast: LeafKind | null;
      /** The column's type (for numbers: bigint or double). */
      readonly dataType: DataType;
      readonly keys: FieldKeys;
      /** The column's repeated values, folded with its key (text and number columns). */
      readonly repeated: RepeatedValues;
      /** Called with the column id when a value is appended to a required column (see `required`). */
      readonly required: boolean;
      readonly id: string;
      readonly general: LeafHandler;
    }
  | { readonly kind: 'list'; readonly key: string }
  | { readonly kind: 'object'; readonly key: string; readonly shape: ShapePlan }
  /** A key whose kind is not known yet (null in the records seen so far): `general` decides. */
  | { readonly kind: 'other'; readonly key: string };

export interface ShapePlan {
  /** The object's keys in order. */
  readonly fields: readonly FieldPlan[];
  /** The object's own path node and nesting depth, for the list entries it yields. */
  readonly node: unknown;
  readonly depth: number;
  /** Handles a key the plan does not foresee. */
  readonly general: KeyHandler;
}

export interface RowHooks {
  /** A required column received a value (see `TableContext.requiredPresent`). */
  readonly required: (id: string) => void;
}

/** Appends the fields of `source` to the row; true when a contract discards the row. */
export type CompiledWalk = (source: object, state: RowState, lists: ListEntry[]) => boolean;

/** The helpers generated code calls: the same checks and encodings as the general walk's fast path. */
const HELPERS = {
  needsEscape,
  isUtcSecondsTimestamp,
  isIsoDate,
  foldedPiece,
  numberText,
  isPlainObject,
  stringify: JSON.stringify,
  remember,
  SMALL_INTS,
  MAX_REPEATED_LENGTH,
};

/**
 * Compiles a walk for `plan`, or returns null where code cannot be generated at run time (a runtime that
 * forbids it, such as `--disallow-code-generation-from-strings`): the caller keeps its general walk.
 */
export function compileWalk(plan: ShapePlan, hooks: RowHooks): CompiledWalk | null {
  const values: unknown[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `c${values.length - 1}`;
  };
  // Nested objects get walks of their own, called from here: several small functions are optimized sooner
  // than one large one (the JIT waits longer on a larger function, and compiles it longer).
  const nested = (shape: ShapePlan): string => {
    const walk = compileWalk(shape, hooks);
    if (walk === null) throw new EvalError('code generation is not allowed');
    return bind(walk);
  };
  try {
    const body = walkCode(plan, bind, nested);
    const source =
      `'use strict';\nconst {needsEscape, isUtcSecondsTimestamp, isIsoDate, foldedPiece, numberText, isPlainObject, stringify, remember, SMALL_INTS, MAX_REPEATED_LENGTH} = h;\n` +
      `return function compiledWalk(source, st, lists) {\n` +
      `let line = st.line, s = st.inString, t, p, m;\n${body}\nst.line = line; st.inString = s;\nreturn false;\n};`;
    const names = values.map((_, i) => `c${i}`);
    const factory = new Function('h', 'hooks', ...names, source) as (...args: unknown[]) => CompiledWalk;
    return factory(HELPERS, hooks, ...values);
  } catch (error) {
    if (error instanceof EvalError) return null;
    throw error;
  }
}

const FLUSH = 'st.line = line; st.inString = s;';
const RELOAD = 'line = st.line; s = st.inString;';

/**
 * The handler of what a walk's fast paths do not take, for one object level: the leaf's general code where
 * the key is the one foreseen at its position and the value is no object, the key's general code otherwise.
 * One per level, called from one place after the level's cases: the fast paths stay small, and so does the
 * generated function (its optimized compile takes time that would otherwise pass in slow code).
 */
function slowPath(plan: ShapePlan): KeyHandler {
  const { fields, general } = plan;
  return (key, value, at, lists) => {
    const field = fields[at];
    if (field?.kind === 'leaf' && field.key === key && typeof value !== 'object' && value !== undefined) {
      return field.general(value);
    }
    return general(key, value, at, lists);
  };
}

/**
 * The walk over the object in `source`. Each position's case takes its fast path and continues with the next
 * key, or breaks out of the switch to the slow path. (Nested objects are walks of their own: `nested`.)
 */
function walkCode(
  plan: ShapePlan,
  bind: (value: unknown) => string,
  nested: (shape: ShapePlan) => string,
): string {
  const slow = bind(slowPath(plan));
  const cases = plan.fields.map((field, at) => {
    if (field.kind === 'other') return '';
    const fast = fieldCode(field, plan, bind, nested);
    return `case ${at}:\nif (k !== ${bind(field.key)}) break;\nif (v === null || v === undefined) continue;\n${fast}\nbreak;`;
  });
  const slowCall = `${FLUSH} if (${slow}(k, v, at - 1, lists)) return true; ${RELOAD}`;
  return `let at = 0;\nfor (const k in source) {\nconst v = source[k];\nswitch (at++) {\n${cases.join('\n')}\n}\n${slowCall}\n}`;
}

function fieldCode(
  field: Exclude<FieldPlan, { kind: 'other' }>,
  plan: ShapePlan,
  bind: (value: unknown) => string,
  nested: (shape: ShapePlan) => string,
): string {
  switch (field.kind) {
    case 'list':
      return `if (Array.isArray(v)) { if (v.length > 0) lists.push([${bind(plan.node)}, k, v, ${plan.depth}]); continue; }`;
    case 'object':
      return `if (typeof v === 'object' && isPlainObject(v)) { ${FLUSH} if (${nested(field.shape)}(v, st, lists)) return true; ${RELOAD} continue; }`;
    case 'leaf':
      return leafCode(field, bind);
  }
}

/** A leaf's fast path: appends the value and continues, or leaves the value to the slow path. */
function leafCode(field: Extract<FieldPlan, { kind: 'leaf' }>, bind: (value: unknown) => string): string {
  if (field.fast === null) return '';
  const keys = bind(field.keys);
  // the key's texts bound one by one: constants to the generated code, not loads from an object
  const open = bind(field.keys.open);
  const closeOpen = bind(field.keys.closeOpen);
  const bare = bind(field.keys.bare);
  const closeBare = bind(field.keys.closeBare);
  const done = `${field.required ? ` hooks.required(${bind(field.id)});` : ''} continue;`;
  const openString = `line = line + (s ? ${closeOpen} : ${open}) + v; s = true;`;
  const whole = (text: string): string => `line = line + (s ? ${closeBare} : ${bare}) + ${text}; s = false;`;
  const folded = (slot: string): string =>
    `line = line + foldedPiece(${keys}, ${slot}, v, s); s = false;${done}`;
  const memo = bind(field.repeated);
  // a repeated value: one piece, no checks (see repeated-values)
  // (m is the column's folded values on every branch after it: null when the column no longer folds)
  const repeated = (condition: string): string =>
    `if ((m = ${memo}.values) !== null ${condition}&& (p = m.get(v)) !== undefined) ` +
    `{ line = line + (s ? p.afterString : p.afterClosed); s = p.open; ${memo}.hits++;${done} }`;
  const remember = (text: string, open: boolean): string =>
    `if (m !== null) remember(${memo}, ${keys}, v, ${text}, ${open});`;
  switch (field.fast) {
    case 'text':
      return (
        `if (typeof v === 'string') {\n${repeated('&& v.length <= MAX_REPEATED_LENGTH ')}\n` +
        `if (needsEscape(v)) { t = stringify(v); ${whole('t')} ${remember('t', false)} }\n` +
        `else { ${openString} ${remember('v', true)} }${done} }`
      );
    case 'timestamp':
      return `if (typeof v === 'string' && isUtcSecondsTimestamp(v)) { ${openString}${done} }`;
    case 'date':
      return `if (typeof v === 'string' && isIsoDate(v)) { ${openString}${done} }`;
    case 'bool':
      return `if (typeof v === 'boolean') { ${folded('v ? 1 : 0')} }`;
    case 'number':
      return (
        `if (typeof v === 'number') {\n` +
        // small integers are bigint-typed and fit a double column too (String(-0) is '0')
        `if (v >= 0 && v < SMALL_INTS && Number.isInteger(v)) { ${folded('v + 2')} }\n` +
        `${repeated('')}\n` +
        `if ((t = numberText(v, ${bind(field.dataType)})) !== null) { ${whole('t')} ${remember('t', false)}${done} } }`
      );
  }
}
