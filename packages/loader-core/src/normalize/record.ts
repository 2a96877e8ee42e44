import { mergePlan } from '../destination/merge-plan.js';
import { scopeKeyPaths } from '../extract/merge-key-scope.js';
import { type ResolvedContract, resolveContract, SchemaContractError } from '../schema/contract.js';
import type { SchemaBuilder, TableBuilder } from '../schema/evolve.js';
import { inferType, isCoercible, isIsoDate, isUtcSecondsTimestamp } from '../schema/infer.js';
import { normalizeName, PATH_SEPARATOR, RAW_PATH_SEPARATOR } from '../schema/naming.js';
import { SYSTEM_COLUMN_NAMES, SYSTEM_COLUMNS } from '../schema/system-columns.js';
import type { ColumnSchema, DataType } from '../schema/types.js';
import { encodeValue, numberText } from './encode.js';
import {
  DEFAULT_DECIMAL,
  type DecimalBounds,
  encodeHinted,
  fitsDecimal,
  UNREPRESENTABLE,
} from './hinted-value.js';
import type { ColumnHint, TableConfig } from './options.js';
import { isPlainObject } from './plain-object.js';
import { MAX_REPEATED_LENGTH, type RepeatedValues, remember, repeatedValues } from './repeated-values.js';
import {
  type FieldKeys,
  fieldKeys,
  flat,
  foldedPiece,
  jsonKey,
  needsEscape,
  type RowState,
  SMALL_INTS,
} from './row-text.js';
import {
  type CompiledWalk,
  compileWalk,
  type FieldPlan,
  type LeafKind,
  type ListEntry,
  type ShapePlan,
} from './shape-compiler.js';

/** Receives normalized rows as JSON lines (keys are column identifiers, values encoded per `LoadFile`). */
export type RowSink = (table: string, line: string) => void;

/** Raw path separator: keeps raw paths of different nestings apart. */
const RAW_SEP = RAW_PATH_SEPARATOR;

/** Normalizes a record path hint (`a.b`, `a__b`) to a column identifier. */
export function pathToIdentifier(path: string): string {
  return path
    .split(/\.|__/)
    .map((segment) => normalizeName(segment))
    .join(PATH_SEPARATOR);
}

interface TableContext {
  builder: TableBuilder;
  readonly hints: ReadonlyMap<string, ColumnHint>;
  readonly paths: PathNode;
  /**
   * Columns this package declared from type hints that no value has reached yet. A hint on a path that turns
   * out to lead through a list (`conversations.meta`) belongs to the child table: its declaration here is
   * withdrawn when the child table is created.
   */
  readonly declared: Set<string>;
  /** Columns that may not be null: primary keys, `nullable: false` hints, columns stored as such. */
  readonly required: ReadonlySet<string>;
  /**
   * The required columns that exist in the table (stored, or given a value in this package): every row must
   * hold a value of its type for each of them (see `#row`).
   */
  readonly requiredPresent: Set<string>;
  /** The walk compiled for the rows' shape (see `shape-compiler`), once the table has had a few rows. */
  walk: CompiledWalk | null;
  /** The nesting depth the table's rows are walked at (the compiled walk is made for it). */
  walkDepth: number;
  /** Rows walked so far, and the walks compiled: both bound the work spent on compiling. */
  rows: number;
  compiles: number;
  /** Keys the compiled walk did not foresee in the current row: the shape has changed, compile again. */
  misses: number;
}

/**
 * Resolved names below one object path of a table, cached so that the hot path does one Map lookup per key
 * instead of building path strings and normalizing them for every record.
 */
interface PathNode {
  /** Raw path (segments joined by RAW_SEP), null at the top of a row. */
  readonly raw: string | null;
  /** Normalized prefix for members: `stats__` (empty at the top). */
  readonly prefix: string;
  readonly leaves: Map<string, LeafEntry>;
  /**
   * The leaves by the position of their key in the object, as last seen: records of one resource nearly always
   * list their keys in the same order, so a comparison usually replaces the lookup in `leaves`.
   */
  readonly leafAt: (LeafEntry | undefined)[];
  readonly objects: Map<string, PathNode>;
  readonly lists: Map<string, string>;
  /** Keys whose object or list value a type hint keeps whole (e.g. `json`) instead of expanding it. */
  readonly whole: Map<string, boolean>;
}

/** A leaf key's column: the schema object is cached once known (column objects are not replaced later). */
interface LeafEntry {
  /** The record's key. */
  readonly sourceKey: string;
  readonly id: string;
  /** Raw path (keys joined by RAW_SEP). */
  readonly raw: string;
  column: ColumnSchema | undefined;
  /** The key's text in the row: the row text is built by concatenation, so the key is escaped once. */
  readonly keys: FieldKeys;
  /** Values of the column that repeat, folded with the key (used by compiled walks). */
  readonly repeated: RepeatedValues;
  /** The type a column hint declares for this key: values representable in it are accepted (see hinted-value). */
  readonly hinted: DataType | undefined;
  /** The column may not be null (see `TableContext.required`). */
  readonly required: boolean;
}

function pathNode(raw: string | null, prefix: string): PathNode {
  return {
    raw,
    prefix,
    leaves: new Map(),
    leafAt: [],
    objects: new Map(),
    lists: new Map(),
    whole: new Map(),
  };
}

/** The leaf entry of `key` below `node`, its column identifier resolved (once per path). */
function newLeaf(ctx: TableContext, node: PathNode, key: string): LeafEntry {
  const raw = rawOf(node, key);
  const id = ctx.builder.names.resolve(raw, node.prefix + normalizeName(key));
  ctx.declared.delete(id);
  const leaf: LeafEntry = {
    sourceKey: key,
    id,
    raw,
    column: ctx.builder.columns.get(id),
    keys: fieldKeys(id),
    repeated: repeatedValues(),
    hinted: ctx.hints.get(id)?.dataType,
    required: ctx.required.has(id),
  };
  node.leaves.set(key, leaf);
  return leaf;
}

function rawOf(node: PathNode, key: string): string {
  return node.raw === null ? key : node.raw + RAW_SEP + key;
}

/** A child table's raw name: its parent table's name and the raw keys of its list (see `TableSchema.sourcePath`). */
function childRaw(ctx: TableContext, node: PathNode, key: string): readonly string[] {
  return [ctx.builder.name, ...rawOf(node, key).split(RAW_SEP)];
}

/**
 * Generates `_sluice_id`s: `<load id>.<counter>`, the counter in base 36 zero-padded to 8 digits. Load ids are
 * unique (their `_sluice_loads` row makes replays idempotent), so ids never repeat across packages, and within a
 * package they sort by arrival. Normalizing a package again (after a crash) gives the same ids.
 */
export class RowIds {
  #n = 0;
  /** The prefix as JSON string content: ids go into the row text between quotes as they are. */
  readonly #prefix: string;
  /** The counter divided by 36^4, and the prefix with its base-36 digits (see `next`). */
  #high = -1;
  #prefixHigh = '';
  /** `start`: the first id's counter (tests start near a change of the high part). */
  constructor(loadId: string, start = 0) {
    this.#prefix = `${JSON.stringify(loadId).slice(1, -1)}.`;
    this.#n = start;
  }
  /**
   * The next id, as JSON string content (escaped if the load id needs it; ids of `newLoadId` never do).
   * Every row takes one, and `toString(36)` is slow: the low four digits come from a table of digit pairs,
   * the others change only every 36^4 ids.
   */
  next(): string {
    const low = this.nextLow();
    return this.#prefixHigh + low;
  }

  /**
   * The next id's last four digits, the part that changes from row to row; `high` tells its other digits
   * (see `prefix`). Row texts fold the prefix into the pieces around the id, which saves a piece per id.
   */
  nextLow(): string {
    const n = this.#n++;
    const high = Math.floor(n / BASE36_4);
    if (high !== this.#high) {
      this.#high = high;
      this.#prefixHigh = flat(this.#prefix + high.toString(36).padStart(4, '0'));
    }
    const low = n - high * BASE36_4;
    const pair = Math.floor(low / BASE36_2);
    return base36Pair(pair) + base36Pair(low - pair * BASE36_2);
  }

  /** The high part of the last id. */
  get high(): number {
    return this.#high;
  }

  /** The text of ids of one high part before their last four digits: the load id, `.` and four digits. */
  prefix(high: number): string {
    return high === this.#high ? this.#prefixHigh : this.#prefix + high.toString(36).padStart(4, '0');
  }
}

const BASE36_2 = 36 * 36;
const BASE36_4 = BASE36_2 * BASE36_2;
/** `00` to `zz`: the base-36 digit pairs, by value. */
const BASE36_PAIRS = Array.from({ length: BASE36_2 }, (_, i) => i.toString(36).padStart(2, '0'));

/** Two base-36 digits of `value` (0 to 36^2 - 1). */
function base36Pair(value: number): string {
  return BASE36_PAIRS[value] as string;
}

const DISCARD = Symbol('discard-row');

/** A row's id: its last four digits, and the high part that gives the rest (see `RowIds.nextLow`). */
interface RowId {
  readonly low: string;
  readonly high: number;
}

/** Row text around the ids of one high part, the ids' prefix folded in: one piece per id instead of two. */
interface IdPieces {
  readonly high: number;
  /** The ids' text before their last four digits (see `RowIds.prefix`). */
  readonly prefix: string;
  /** `{"_sluice_id":"<prefix>`. */
  readonly rowStart: string;
  /** `","_sluice_load_id":"<load id>","_sluice_parent_id":"<prefix>`. */
  readonly childLoad: string;
  /** `","_sluice_list_idx":<i>,"_sluice_root_id":"<prefix>` for the first LIST_IDX_PIECES indexes. */
  readonly listIdx: (string | undefined)[];
}

/** List indexes whose pieces are kept (see `IdPieces.listIdx`); later items build theirs. */
const LIST_IDX_PIECES = 64;

/** Rows a table takes by the general walk before a walk is compiled for its shape (few tables stay smaller). */
export const COMPILE_AFTER_ROWS = 8;
/** Walks compiled for one table at most: records that keep changing shape are left to the general handlers. */
const MAX_COMPILES = 16;

/** The compiled walk's fast path per column type (other types always take the general one). */
const FAST_KINDS: Partial<Record<DataType, LeafKind>> = {
  text: 'text',
  timestamp: 'timestamp',
  date: 'date',
  bigint: 'number',
  double: 'number',
  bool: 'bool',
};

/**
 * Turns records of one resource into rows: nested objects flattened with `__`, lists into child tables, types
 * inferred, conflicting values sent to variant columns, contracts enforced. Updates the schema as it goes.
 */
export class RecordNormalizer {
  readonly #schema: SchemaBuilder;
  readonly #config: TableConfig;
  readonly #contract: ResolvedContract;
  readonly #maxDepth: number;
  /** `","_sluice_load_id":"<id>`: follows the row's id, string content without its closing quote. */
  readonly #loadIdField: string;
  /** `#loadIdField` and `","_sluice_parent_id":"`: child rows continue with their parent's id. */
  readonly #childLoadIdField: string;
  /** The row text around ids of the current high part, its id prefix folded in (see `#idPieces`). */
  #pieces: IdPieces = { high: -1, prefix: '', rowStart: '', childLoad: '', listIdx: [] };
  readonly #st: RowState = { line: '', inString: false, requiredSeen: 0 };
  readonly #ids: RowIds;
  readonly #sink: RowSink;
  readonly #tables = new Map<string, TableContext>();
  readonly #root: TableContext | null;
  readonly #rootName: string;
  readonly #decimal: DecimalBounds;
  /** See COMPILE_AFTER_ROWS (tests compare walks by setting it: Infinity never compiles). */
  readonly #compileAfterRows: number;
  /** Merge key paths split into segments once (checked on every record). */
  readonly #keyPaths: readonly (readonly [string, readonly string[]])[];
  /** Records dropped by discard_row contracts, per table. */
  readonly discarded = new Map<string, number>();

  constructor(
    schema: SchemaBuilder,
    config: TableConfig,
    loadId: string,
    ids: RowIds,
    sink: RowSink,
    decimal: DecimalBounds = DEFAULT_DECIMAL,
    compileAfterRows: number = COMPILE_AFTER_ROWS,
  ) {
    this.#compileAfterRows = compileAfterRows;
    this.#schema = schema;
    this.#decimal = decimal;
    // merge needs its key; other dispositions need the primary key (it may not be null)
    const keys =
      config.primaryKey.length > 0 || config.writeDisposition !== 'merge'
        ? config.primaryKey
        : config.mergeKey;
    this.#keyPaths = keys.map((path) => [path, path.replaceAll('__', '.').split('.')] as const);
    this.#config = config;
    this.#contract = resolveContract(config.schemaContract);
    this.#maxDepth = config.maxNestingDepth ?? Number.POSITIVE_INFINITY;
    this.#loadIdField = flat(
      fieldKeys(SYSTEM_COLUMNS.loadId).closeOpen + JSON.stringify(loadId).slice(1, -1),
    );
    this.#childLoadIdField = flat(this.#loadIdField + fieldKeys(SYSTEM_COLUMNS.parentId).closeOpen);
    this.#ids = ids;
    this.#sink = sink;
    const rootName = schema.tableNames.resolve(config.tableName, normalizeName(config.tableName));
    this.#rootName = rootName;
    this.#root = this.#table(rootName, undefined, rootHints(config), [config.tableName]);
  }

  get rootTable(): string | null {
    return this.#root?.builder.name ?? null;
  }

  #table(
    name: string,
    parent: string | undefined,
    hints: ReadonlyMap<string, ColumnHint>,
    sourcePath: readonly string[],
  ): TableContext | null {
    const cached = this.#tables.get(name);
    if (cached) return cached;
    if (!this.#schema.tables.has(name) && this.#contract.tables !== 'evolve') {
      if (this.#contract.tables === 'freeze') throw new SchemaContractError({ kind: 'table', table: name });
      return null;
    }
    const hinted: ColumnSchema[] = [];
    const declared = new Set<string>();
    const existing = this.#schema.tables.get(name);
    for (const [id, hint] of hints) {
      if (!hint.dataType) continue;
      hinted.push(columnFromHint(id, hint.dataType, hint));
      if (!existing?.columns.has(id)) declared.add(id);
    }
    const builder = this.#schema.ensureTable({
      name,
      resource: this.#config.resource,
      ...(parent ? { parent } : {}),
      sourcePath,
      writeDisposition: this.#config.writeDisposition,
      ...(this.#config.schemaContract !== undefined && typeof this.#config.schemaContract === 'object'
        ? { contract: this.#config.schemaContract }
        : typeof this.#config.schemaContract === 'string'
          ? {
              contract: {
                tables: this.#config.schemaContract,
                columns: this.#config.schemaContract,
                dataType: this.#config.schemaContract,
              },
            }
          : {}),
      columns: hinted,
    });
    // Flags from hints without a type apply to columns already known.
    for (const [id, hint] of hints) {
      const column = builder.columns.get(id);
      if (column && !hint.dataType) builder.columns.set(id, { ...column, ...flags(hint) });
    }
    const required = new Set<string>();
    for (const [id, hint] of hints) if (hint.nullable === false) required.add(id);
    for (const column of builder.columns.values()) {
      if (column.nullable === false && !column.variantOf && !SYSTEM_COLUMN_NAMES.has(column.name))
        required.add(column.name);
    }
    // Declared, not yet seen: a hint whose path turns out to lead through a list is withdrawn (see `declared`).
    const requiredPresent = new Set(
      [...required].filter((id) => builder.columns.has(id) && !declared.has(id)),
    );
    const ctx: TableContext = {
      builder,
      hints,
      paths: pathNode(null, ''),
      declared,
      required,
      requiredPresent,
      walk: null,
      walkDepth: 0,
      rows: 0,
      compiles: 0,
      misses: 0,
    };
    this.#tables.set(name, ctx);
    return ctx;
  }

  /** Normalizes one record of the resource. Returns false when a contract discarded it. */
  normalize(record: Record<string, unknown>): boolean {
    const root = this.#root;
    if (!root) {
      // a new table the contract discards (tables: discard_row / discard_value)
      this.#countDiscarded(this.#rootName, 1);
      return false;
    }
    if (this.#keyPaths.length > 0) this.#assertKeys(record);
    const low = this.#ids.nextLow();
    const high = this.#ids.high;
    return this.#row(root, record, { low, high }, undefined, undefined, 0, 0);
  }

  /** Merge deduplicates and replaces by key: a record without its key would collapse with others. */
  #assertKeys(record: Record<string, unknown>): void {
    for (const [path, segments] of this.#keyPaths) {
      let value: unknown = record;
      for (const segment of segments) {
        value =
          value !== null && typeof value === 'object'
            ? (value as Record<string, unknown>)[segment]
            : undefined;
      }
      if (value === null || value === undefined) {
        const why =
          this.#config.writeDisposition === 'merge'
            ? 'merge deduplicates and replaces rows by it'
            : 'a primary key may not be null';
        throw new Error(
          `Resource "${this.#config.resource}" yielded a record without a value for its key "${path}": ${why}. ` +
            'Fix the source, filter such records, or use another key.',
        );
      }
    }
  }

  /** Builds one row of `ctx` from `source`, emits it, then its child rows. */
  #row(
    ctx: TableContext,
    source: Record<string, unknown>,
    id: RowId,
    rootId: RowId | undefined,
    parentId: RowId | undefined,
    listIdx: number,
    depth: number,
  ): boolean {
    this.#startRow(id, rootId, parentId, listIdx);
    // each list with the nesting depth it was found at: its items are one level deeper
    const lists: ListEntry[] = [];
    const walk = ctx.walkDepth === depth ? ctx.walk : null;
    const discarded =
      walk !== null
        ? walk(source, this.#st, lists)
        : this.#fields(ctx, source, ctx.paths, depth, lists) === DISCARD;
    if (discarded) {
      this.#countDiscarded(ctx.builder.name, 1);
      return false;
    }
    if (this.#st.requiredSeen < ctx.requiredPresent.size) this.#missingRequired(ctx);
    if (++ctx.rows >= this.#compileAfterRows && (walk === null || ctx.misses > 0))
      this.#compile(ctx, source, depth);
    this.#sink(ctx.builder.name, this.#st.line + (this.#st.inString ? '"}' : '}'));
    // indexed, not destructured in a for-of: this runs for every row with lists
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l] as ListEntry;
      const node = list[0] as PathNode;
      const key = list[1];
      const items = list[2];
      const listDepth = list[3];
      let childName = node.lists.get(key);
      if (childName === undefined) {
        childName = this.#schema.tableNames.resolve(
          childRaw(ctx, node, key).join(RAW_SEP),
          `${ctx.builder.name}${PATH_SEPARATOR}${node.prefix}${normalizeName(key)}`,
        );
        node.lists.set(key, childName);
      }
      const child =
        this.#tables.get(childName) ?? this.#childTable(ctx, childName, node, key, childRaw(ctx, node, key));
      if (!child) {
        this.#countDiscarded(childName, items.length);
        continue;
      }
      const root = rootId ?? id;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const low = this.#ids.nextLow();
        const itemId: RowId = { low, high: this.#ids.high };
        if (typeof item !== 'object' || item === null) {
          this.#valueRow(child, item, itemId, root, id, i, listDepth + 1);
        } else {
          const fields = isPlainObject(item) ? item : { value: item };
          this.#row(child, fields, itemId, root, id, i, listDepth + 1);
        }
      }
    }
    return true;
  }

  /**
   * Appends a string to a text column that folds its repeated values (see repeated-values), as compiled walks
   * do: its folded piece when it has one, else the value, which it then remembers.
   */
  #appendRepeatedText(ctx: TableContext, leaf: LeafEntry, text: string): void {
    const st = this.#st;
    const memo = leaf.repeated;
    const folded = memo.values?.get(text);
    if (folded !== undefined) {
      st.line = st.line + (st.inString ? folded.afterString : folded.afterClosed);
      st.inString = folded.open;
      memo.hits++;
    } else if (needsEscape(text)) {
      const json = JSON.stringify(text);
      this.#appendJson(leaf.keys, json);
      remember(memo, leaf.keys, text, json, false);
    } else {
      this.#appendString(leaf.keys, text);
      remember(memo, leaf.keys, text, text, true);
    }
    if (leaf.required) this.#requiredValue(ctx, leaf.id);
  }

  /** Starts a row's text with its system columns (a root row has neither parent nor root id). */
  #startRow(id: RowId, rootId: RowId | undefined, parentId: RowId | undefined, listIdx: number): void {
    const st = this.#st;
    // ids are JSON string content (see RowIds); the row text ends inside the last id's string
    const start = this.#idPieces(id.high).rowStart + id.low;
    st.line =
      parentId === undefined || rootId === undefined
        ? start + this.#loadIdField
        : start +
          this.#idPieces(parentId.high).childLoad +
          parentId.low +
          this.#listIdxPiece(rootId.high, listIdx) +
          rootId.low;
    st.inString = true;
    st.requiredSeen = 0;
  }

  /** The row text around ids of `high`: made once for the current high part, for others as needed. */
  #idPieces(high: number): IdPieces {
    const current = this.#pieces;
    if (current.high === high) return current;
    const prefix = this.#ids.prefix(high);
    const pieces: IdPieces = {
      high,
      prefix,
      rowStart: flat(ROW_START + prefix),
      childLoad: flat(this.#childLoadIdField + prefix),
      listIdx: [],
    };
    if (high === this.#ids.high) this.#pieces = pieces;
    return pieces;
  }

  /** `","_sluice_list_idx":<idx>,"_sluice_root_id":"` and the root id's prefix of `high`. */
  #listIdxPiece(high: number, idx: number): string {
    const pieces = this.#idPieces(high);
    if (idx >= LIST_IDX_PIECES) return listIdxField(idx) + pieces.prefix;
    let piece = pieces.listIdx[idx];
    if (piece === undefined) {
      piece = flat(listIdxField(idx) + pieces.prefix);
      pieces.listIdx[idx] = piece;
    }
    return piece;
  }

  /**
   * The row of a list item that is no object (a tag, an email address): its `value` column, as `#row` would
   * write `{ value: item }`, without making that object and walking it.
   */
  #valueRow(
    ctx: TableContext,
    item: unknown,
    id: RowId,
    rootId: RowId,
    parentId: RowId,
    listIdx: number,
    depth: number,
  ): void {
    this.#startRow(id, rootId, parentId, listIdx);
    const st = this.#st;
    const leaf = ctx.paths.leafAt[0];
    if (
      // folding is off where walks are not compiled: tests compare the two
      this.#compileAfterRows !== Number.POSITIVE_INFINITY &&
      leaf?.sourceKey === 'value' &&
      leaf.column?.dataType === 'text' &&
      typeof item === 'string' &&
      item.length <= MAX_REPEATED_LENGTH &&
      leaf.repeated.values !== null
    ) {
      this.#appendRepeatedText(ctx, leaf, item);
    } else if (this.#field(ctx, ctx.paths, 'value', item, 0, depth, NO_LISTS) === DISCARD) {
      // a value that is no object yields no list (NO_LISTS stays empty)
      this.#countDiscarded(ctx.builder.name, 1);
      return;
    }
    if (st.requiredSeen < ctx.requiredPresent.size) this.#missingRequired(ctx);
    this.#sink(ctx.builder.name, st.line + (st.inString ? '"}' : '}'));
  }

  #countDiscarded(table: string, rows: number): void {
    this.discarded.set(table, (this.discarded.get(table) ?? 0) + rows);
  }

  /** Creates a child table with the hints on paths through its list (withdrawn from the parent). */
  #childTable(
    ctx: TableContext,
    name: string,
    node: PathNode,
    key: string,
    sourcePath: readonly string[],
  ): TableContext | null {
    const listId = node.prefix + normalizeName(key);
    const hints = childHints(ctx.hints, listId);
    for (const id of hints.keys()) {
      const parentId = listId + PATH_SEPARATOR + id;
      if (ctx.declared.delete(parentId)) ctx.builder.columns.delete(parentId);
    }
    return this.#table(name, ctx.builder.name, hints, sourcePath);
  }

  #fields(
    ctx: TableContext,
    source: Record<string, unknown>,
    node: PathNode,
    depth: number,
    lists: ListEntry[],
  ): typeof DISCARD | undefined {
    let at = -1;
    for (const key in source) {
      at++;
      if (this.#field(ctx, node, key, source[key], at, depth, lists) === DISCARD) return DISCARD;
    }
    return undefined;
  }

  /** One key of an object at `node` (`at`: its position in the object). */
  #field(
    ctx: TableContext,
    node: PathNode,
    key: string,
    value: unknown,
    at: number,
    depth: number,
    lists: ListEntry[],
  ): typeof DISCARD | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'object' && depth < this.#maxDepth && !this.#keptWhole(ctx, node, key)) {
      if (Array.isArray(value)) {
        if (value.length > 0) lists.push([node, key, value, depth]);
        return undefined;
      }
      if (isPlainObject(value)) {
        return this.#fields(ctx, value, this.#objectNode(node, key), depth + 1, lists);
      }
    }
    let leaf = node.leafAt[at];
    if (leaf === undefined || leaf.sourceKey !== key) {
      leaf = node.leaves.get(key) ?? newLeaf(ctx, node, key);
      node.leafAt[at] = leaf;
    }
    if (!this.#appendKnown(ctx, leaf, value) && this.#leaf(ctx, leaf, value) === DISCARD) return DISCARD;
    return undefined;
  }

  #objectNode(node: PathNode, key: string): PathNode {
    let child = node.objects.get(key);
    if (child === undefined) {
      child = pathNode(rawOf(node, key), `${node.prefix}${normalizeName(key)}${PATH_SEPARATOR}`);
      node.objects.set(key, child);
    }
    return child;
  }

  /**
   * Compiles a walk for the shape of `sample`, a record this table has just taken (so its keys have their
   * leaves and columns), unless the table has been compiled for often enough: a resource whose records keep
   * changing shape keeps the last walk, whose general handlers take what it does not foresee.
   */
  #compile(ctx: TableContext, sample: Record<string, unknown>, depth: number): void {
    ctx.misses = 0;
    if (ctx.compiles >= MAX_COMPILES) return;
    ctx.compiles++;
    const walk = compileWalk(this.#plan(ctx, ctx.paths, sample, depth), {
      required: (id) => this.#requiredValue(ctx, id),
    });
    // where code cannot be generated, no later row tries again
    if (walk === null) ctx.compiles = MAX_COMPILES;
    ctx.walk = walk;
    ctx.walkDepth = depth;
  }

  /** What a compiled walk does at each key of `sample` (see `ShapePlan`), from what `node` has learnt. */
  #plan(ctx: TableContext, node: PathNode, sample: Record<string, unknown>, depth: number): ShapePlan {
    const fields: FieldPlan[] = [];
    for (const key in sample) {
      const value = sample[key];
      const expands = depth < this.#maxDepth && !this.#keptWhole(ctx, node, key);
      const child = node.objects.get(key);
      if (
        expands &&
        (Array.isArray(value) || ((value === null || value === undefined) && node.lists.has(key)))
      ) {
        fields.push({ kind: 'list', key });
      } else if (expands && child !== undefined && isPlainObject(value)) {
        fields.push({ kind: 'object', key, shape: this.#plan(ctx, child, value, depth + 1) });
      } else {
        const leaf = node.leaves.get(key);
        const column = leaf?.column;
        const isLeaf = value === null || value === undefined || typeof value !== 'object' || !expands;
        if (leaf === undefined || column === undefined || !isLeaf) {
          fields.push({ kind: 'other', key });
          continue;
        }
        fields.push({
          kind: 'leaf',
          key,
          fast: FAST_KINDS[column.dataType] ?? null,
          dataType: column.dataType,
          keys: leaf.keys,
          repeated: leaf.repeated,
          required: leaf.required,
          id: leaf.id,
          general: (v) => !this.#appendKnown(ctx, leaf, v) && this.#leaf(ctx, leaf, v) === DISCARD,
        });
      }
    }
    return {
      fields,
      node,
      depth,
      general: (key, value, at, lists) => {
        if (value !== null && value !== undefined) ctx.misses++;
        return this.#field(ctx, node, key, value, at, depth, lists) === DISCARD;
      },
    };
  }

  #keptWhole(ctx: TableContext, node: PathNode, key: string): boolean {
    let whole = node.whole.get(key);
    if (whole === undefined) {
      whole = ctx.hints.size > 0 && ctx.hints.get(node.prefix + normalizeName(key))?.dataType !== undefined;
      node.whole.set(key, whole);
    }
    return whole;
  }

  /** A leaf value in general (`#appendKnown` takes the common cases first): typed, checked, encoded, appended. */
  #leaf(ctx: TableContext, leaf: LeafEntry, value: unknown): typeof DISCARD | undefined {
    const table = ctx.builder;
    const id = leaf.id;
    let type = inferType(value) as DataType;
    // An integer beyond the destination's decimal range would fail the whole load: it is kept as text.
    if (type === 'decimal' && !fitsDecimal(value, this.#decimal)) type = 'text';
    let column = leaf.column;
    if (column === undefined) {
      const hint = ctx.hints.get(id);
      const dataType = hint?.dataType ?? type;
      if (table.stored && this.#contract.columns !== 'evolve') {
        if (this.#contract.columns === 'freeze') {
          throw new SchemaContractError({ kind: 'column', table: table.name, column: id, dataType });
        }
        return this.#contract.columns === 'discard_row' ? DISCARD : undefined;
      }
      // A hinted column is declared whatever its first value; an inferred one takes the value's type.
      column = { ...columnFromHint(id, dataType, hint ?? {}), sourcePath: leaf.raw.split(RAW_SEP) };
      table.columns.set(id, column);
      leaf.column = column;
    }
    const target = column.dataType;
    if (target === type || isCoercible(type, target, value)) {
      if (target !== 'decimal' || fitsDecimal(value, this.#decimalOf(column))) {
        const encoded = encodeValue(value, target);
        if (typeof encoded === 'string' && PLAIN_STRING_TYPES.has(target))
          this.#appendString(leaf.keys, encoded);
        else this.#appendJson(leaf.keys, jsonValue(encoded));
        if (leaf.required) this.#requiredValue(ctx, id);
        return undefined;
      }
    }
    if (leaf.hinted === target) {
      const encoded = encodeHinted(value, target, this.#decimalOf(column));
      if (encoded !== UNREPRESENTABLE) {
        this.#appendJson(leaf.keys, jsonValue(encoded));
        if (leaf.required) this.#requiredValue(ctx, id);
        return undefined;
      }
    }
    return this.#variant(ctx, id, target, type, value);
  }

  /**
   * Appends the common values whose column exists and holds their type: text into text, numbers into bigint
   * and double, booleans, `YYYY-MM-DDTHH:MM:SSZ` timestamps. They make up nearly every field of a typical
   * record, and here skip the type inference and encoding dispatch of `#leaf`, whose text they match.
   * Returns false for any other value (`#leaf` handles it).
   */
  #appendKnown(ctx: TableContext, leaf: LeafEntry, value: unknown): boolean {
    const column = leaf.column;
    if (column === undefined || !this.#appendMatching(leaf.keys, column.dataType, value)) return false;
    if (leaf.required) this.#requiredValue(ctx, leaf.id);
    return true;
  }

  /** Appends `value` if it is one of the cases of `#appendKnown` for a column of `dataType`. */
  #appendMatching(keys: FieldKeys, dataType: DataType, value: unknown): boolean {
    switch (typeof value) {
      case 'string':
        // every string fits a text column as it is (timestamp- and date-shaped ones too)
        if (dataType === 'text') {
          if (needsEscape(value)) this.#appendJson(keys, JSON.stringify(value));
          else this.#appendString(keys, value);
          return true;
        }
        // already in the form `toUtcTimestamp` writes, and holds nothing JSON escapes
        if (dataType === 'timestamp' && isUtcSecondsTimestamp(value)) {
          this.#appendString(keys, value);
          return true;
        }
        // a date-shaped string in a date column is written as it is (and holds nothing JSON escapes)
        if (dataType === 'date' && isIsoDate(value)) {
          this.#appendString(keys, value);
          return true;
        }
        return false;
      case 'number': {
        // integers within 2^53 also fit a double column; such numbers are written as they are
        if (dataType !== 'bigint' && dataType !== 'double') return false;
        // small integers are bigint-typed and fit a double column too (String(-0) is '0')
        if (value >= 0 && value < SMALL_INTS && Number.isInteger(value)) {
          this.#appendFolded(keys, value + 2, value);
          return true;
        }
        const text = numberText(value, dataType);
        if (text === null) return false;
        this.#appendJson(keys, text);
        return true;
      }
      case 'boolean':
        if (dataType !== 'bool') return false;
        this.#appendFolded(keys, value ? 1 : 0, value);
        return true;
      default:
        return false;
    }
  }

  /** Appends a field whose value repeats across rows as one piece with its key (see `foldedPiece`). */
  #appendFolded(keys: FieldKeys, slot: number, value: boolean | number): void {
    const st = this.#st;
    st.line = st.line + foldedPiece(keys, slot, value, st.inString);
    st.inString = false;
  }

  /** Appends a field whose value is written whole (`json`: JSON text). */
  #appendJson(keys: FieldKeys, json: string): void {
    this.#st.line = this.#st.line + (this.#st.inString ? keys.closeBare : keys.bare) + json;
    this.#st.inString = false;
  }

  /** Appends a field whose value is string content that needs no escapes; its closing quote comes later. */
  #appendString(keys: FieldKeys, content: string): void {
    this.#st.line = this.#st.line + (this.#st.inString ? keys.closeOpen : keys.open) + content;
    this.#st.inString = true;
  }

  /**
   * The scope row (`{"<key column>": value, ...}`) of merge key values a resource declared fully re-read, in
   * key-path order (see `mergeKeyScope`), or null when no row of the table can hold that key: the key columns
   * do not exist (yet), or a value cannot be stored in its column (such values live in variant columns,
   * which merges never compare). Call it after the resource's records.
   */
  scopeRow(values: readonly unknown[]): string | null {
    const root = this.#root;
    if (!root) return null;
    if (this.#scopeColumns === undefined) this.#scopeColumns = this.#resolveScopeColumns(root);
    const columns = this.#scopeColumns;
    if (columns === null || values.length !== columns.length) return null;
    let line = '{';
    for (let i = 0; i < columns.length; i++) {
      const { column, hinted } = columns[i] as { column: ColumnSchema; hinted: DataType | undefined };
      const encoded = this.#encodeKey(values[i], column, hinted);
      if (encoded === UNREPRESENTABLE) return null;
      line += `${i > 0 ? ',' : ''}${JSON.stringify(column.name)}:${jsonValue(encoded)}`;
    }
    return `${line}}`;
  }

  #scopeColumns: readonly { column: ColumnSchema; hinted: DataType | undefined }[] | null | undefined;

  #resolveScopeColumns(
    root: TableContext,
  ): readonly { column: ColumnSchema; hinted: DataType | undefined }[] | null {
    const paths = scopeKeyPaths(this.#config);
    const ids = paths.map(pathToIdentifier);
    const table = root.builder;
    const plan = mergePlan({
      name: table.name,
      resource: table.resource,
      writeDisposition: table.writeDisposition,
      columns: Object.fromEntries(table.columns),
    });
    const deleteKey = [...(plan?.deleteKey ?? [])].sort();
    if (ids.some((id) => !table.columns.has(id))) return null;
    if (deleteKey.join('\u0000') !== [...ids].sort().join('\u0000')) {
      throw new Error(
        `Table "${table.name}" merges by ${JSON.stringify(deleteKey)}, but resource "${this.#config.resource}" ` +
          `declares merge key scopes by ${JSON.stringify(paths)}: the stored schema flags other key columns. ` +
          'Use the merge key the table was created with, or load the resource with a new table name.',
      );
    }
    return ids.map((id) => ({
      column: table.columns.get(id) as ColumnSchema,
      hinted: root.hints.get(id)?.dataType,
    }));
  }

  /** A key value encoded for its column (as a row's value would be), or UNREPRESENTABLE. */
  #encodeKey(value: unknown, column: ColumnSchema, hinted: DataType | undefined): unknown {
    let type = inferType(value) as DataType;
    if (type === 'decimal' && !fitsDecimal(value, this.#decimal)) type = 'text';
    const target = column.dataType;
    if (
      (target === type || isCoercible(type, target, value)) &&
      (target !== 'decimal' || fitsDecimal(value, this.#decimalOf(column)))
    ) {
      return encodeValue(value, target);
    }
    return hinted === target ? encodeHinted(value, target, this.#decimalOf(column)) : UNREPRESENTABLE;
  }

  #requiredValue(ctx: TableContext, id: string): void {
    ctx.requiredPresent.add(id);
    this.#st.requiredSeen++;
  }

  /** A row lacks a value for a column that may not be null: fail before anything is loaded, naming it. */
  #missingRequired(ctx: TableContext): never {
    const missing = [...ctx.requiredPresent].filter((id) => !this.#st.line.includes(jsonKey(id)));
    const names = (missing.length > 0 ? missing : [...ctx.requiredPresent]).map((id) => `"${id}"`).join(', ');
    throw new Error(
      `Resource "${this.#config.resource}" yielded a record without a value for ${names} in table ` +
        `"${ctx.builder.name}", which may not be null (a primary key or a \`nullable: false\` hint; a value of ` +
        'another type goes to a variant column and leaves it null). Fix the source, filter such records, or ' +
        'drop the hint.',
    );
  }

  /** Precision and scale of a decimal column: its hint's, else the destination's. */
  #decimalOf(column: ColumnSchema): DecimalBounds {
    if (column.precision === undefined && column.scale === undefined) return this.#decimal;
    const precision = column.precision ?? this.#decimal.precision;
    return { precision, scale: column.scale ?? Math.min(this.#decimal.scale, precision) };
  }

  /** A value whose type conflicts with its column goes to `<column>__v_<type>` (or is handled by the contract). */
  #variant(
    ctx: TableContext,
    id: string,
    columnType: DataType,
    type: DataType,
    value: unknown,
  ): typeof DISCARD | undefined {
    const table = ctx.builder;
    const name = this.#schema.variantName(table, id, type);
    if (!table.columns.has(name)) {
      if (table.stored && this.#contract.dataType !== 'evolve') {
        if (this.#contract.dataType === 'freeze') {
          throw new SchemaContractError({
            kind: 'dataType',
            table: table.name,
            column: id,
            columnType,
            dataType: type,
          });
        }
        return this.#contract.dataType === 'discard_row' ? DISCARD : undefined;
      }
      table.columns.set(name, { name, dataType: type, nullable: true, variantOf: id });
    }
    // variant values are rare: their keys are not kept as FieldKeys
    const key = jsonKey(name);
    this.#st.line =
      this.#st.line + (this.#st.inString ? `"${key}` : key) + jsonValue(encodeValue(value, type));
    this.#st.inString = false;
    return undefined;
  }
}

/** An encoded value as JSON text, as JSON.stringify writes it (without its cost for plain strings and numbers). */
function jsonValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return needsEscape(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value) ?? 'null';
  }
}

/**
 * Types whose encoded strings never hold a character JSON escapes (validated ISO forms, digits, base64), so
 * the hot path skips the escape check for them.
 */
const PLAIN_STRING_TYPES: ReadonlySet<DataType> = new Set([
  'timestamp',
  'date',
  'time',
  'bigint',
  'decimal',
  'binary',
]);

/** Row text before and between the system columns' values, string quotes folded in (see `FieldKeys`). */
const ROW_START = flat(`{${JSON.stringify(SYSTEM_COLUMNS.id)}:"`);

/** `","_sluice_list_idx":<idx>,"_sluice_root_id":"`, between a child row's parent id and its root id. */
function listIdxField(idx: number): string {
  return LIST_IDX_KEY + idx + ROOT_ID_KEY;
}

/** The keys around a list index: `","_sluice_list_idx":` and `,"_sluice_root_id":"`. */
const LIST_IDX_KEY = fieldKeys(SYSTEM_COLUMNS.listIdx).closeBare;
const ROOT_ID_KEY = fieldKeys(SYSTEM_COLUMNS.rootId).open;

const NO_HINTS: ReadonlyMap<string, ColumnHint> = new Map();

/** The lists of a value that is no object: none (see `#valueRow`). */
const NO_LISTS: ListEntry[] = [];

/**
 * Hints on paths through a list (`conversations.meta` for the list `conversations`) apply to its child table,
 * keyed by the path inside the list items (`meta`).
 */
function childHints(hints: ReadonlyMap<string, ColumnHint>, listId: string): ReadonlyMap<string, ColumnHint> {
  if (hints.size === 0) return NO_HINTS;
  const prefix = listId + PATH_SEPARATOR;
  const out = new Map<string, ColumnHint>();
  for (const [id, hint] of hints) if (id.startsWith(prefix)) out.set(id.slice(prefix.length), hint);
  return out.size > 0 ? out : NO_HINTS;
}

function rootHints(config: TableConfig): Map<string, ColumnHint> {
  const hints = new Map<string, ColumnHint>();
  for (const [path, hint] of Object.entries(config.columns)) hints.set(pathToIdentifier(path), hint);
  const merge = (path: string, extra: ColumnHint): void => {
    const id = pathToIdentifier(path);
    hints.set(id, { ...hints.get(id), ...extra });
  };
  for (const path of config.primaryKey) merge(path, { primaryKey: true, nullable: false });
  for (const path of config.mergeKey) merge(path, { mergeKey: true });
  if (config.cursorPath !== undefined) merge(config.cursorPath, { cursor: true });
  return hints;
}

function flags(hint: ColumnHint): Partial<ColumnSchema> {
  const out: { -readonly [K in keyof ColumnSchema]?: ColumnSchema[K] } = {};
  if (hint.nullable !== undefined) out.nullable = hint.nullable;
  if (hint.primaryKey) out.primaryKey = true;
  if (hint.mergeKey) out.mergeKey = true;
  if (hint.hardDelete) out.hardDelete = true;
  if (hint.cursor) out.cursor = true;
  if (hint.dedupSort) out.dedupSort = hint.dedupSort;
  if (hint.partition) out.partition = true;
  if (hint.cluster) out.cluster = true;
  if (hint.precision !== undefined) out.precision = hint.precision;
  if (hint.scale !== undefined) out.scale = hint.scale;
  return out;
}

function columnFromHint(name: string, dataType: DataType, hint: ColumnHint): ColumnSchema {
  return { name, dataType, nullable: true, ...flags(hint) };
}
