/**
 * The text of a normalized row as it is built: a JSON object written by concatenation, field by field. Shared
 * by the general walk of `RecordNormalizer` and the walks compiled for record shapes (see `shape-compiler`).
 */

/** The row being built. Child rows are built after their parent row is emitted, so one state serves all. */
export interface RowState {
  /** `{` and the fields so far. */
  line: string;
  /** The row ends in string content whose closing quote is not written yet (see `FieldKeys`). */
  inString: boolean;
  /** Values the row holds for required columns (see `TableContext.requiredPresent`). */
  requiredSeen: number;
}

/**
 * A field's key as row text, in the four forms the row builder needs. Every piece concatenated into a row
 * costs again when the row is flattened to be written, so a string value's quotes are folded into the keys
 * around it (`","subject":"` closes the string before it and opens its own) rather than added as pieces.
 */
export interface FieldKeys {
  /** `,"<id>":`, after a closed value and before a value written whole (a number, an escaped string). */
  readonly bare: string;
  /** `,"<id>":"`, after a closed value and before string content. */
  readonly open: string;
  /** `","<id>":`, after string content, before a value written whole. */
  readonly closeBare: string;
  /** `","<id>":"`, after string content, before string content. */
  readonly closeOpen: string;
  /**
   * The key and a value in one flat piece, for values that repeat (booleans, integers below SMALL_INTS): made
   * on first use, by slot (see `foldedPiece`). One piece instead of two for the row to flatten.
   */
  readonly folded: (string | undefined)[];
}

/** Integers from 0 below this are written with their key as one piece (see `FieldKeys.folded`). */
export const SMALL_INTS = 128;

export function fieldKeys(identifier: string): FieldKeys {
  const bare = jsonKey(identifier);
  return {
    bare: flat(bare),
    open: flat(`${bare}"`),
    closeBare: flat(`"${bare}`),
    closeOpen: flat(`"${bare}"`),
    folded: [],
  };
}

/**
 * A field whose value repeats across rows (`slot`: 0 false, 1 true, 2 + n the integer n) as one piece with
 * its key, after string content or not (`inString`). A column holds either booleans or numbers on this path,
 * so the slots of one key never mean two values.
 */
export function foldedPiece(
  keys: FieldKeys,
  slot: number,
  value: boolean | number,
  inString: boolean,
): string {
  const at = slot * 2 + (inString ? 1 : 0);
  let piece = keys.folded[at];
  if (piece === undefined) {
    piece = flatConcat(inString ? keys.closeBare : keys.bare, String(value));
    keys.folded[at] = piece;
  }
  return piece;
}

/**
 * The same text as one flat string. V8 keeps a string built with `+` or a template as a tree of its pieces;
 * rows are built by appending such texts, and one that is itself a tree costs each of its pieces again
 * whenever a row holding it is flattened to be written. (A JSON round trip makes an exact, flat copy, and
 * one byte per character where the text allows: a two-byte piece would make every row holding it two-byte.)
 */
export function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * `a + b` as one flat string, for pieces made while rows are built (values folded with their key): a join
 * builds its result flat, several times cheaper than `flat`. It keeps two-byte parts two-byte, so `a` is a
 * key text from `fieldKeys` (made by `flat`), and `b` a value's text, which already goes into rows as it is.
 */
export function flatConcat(a: string, b: string): string {
  // a join with an empty part returns the other part itself (a key text: flat already)
  return b === '' ? a : [a, b].join('');
}

/** `,"<identifier>":` for a row's text. */
export function jsonKey(identifier: string): string {
  return `,${JSON.stringify(identifier)}:`;
}

/** Characters JSON must escape, and surrogates (JSON.stringify escapes lone ones). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}
