import { createHash } from 'node:crypto';

/** Separator between a parent path and a nested field (`stats__resolved_at`, `tickets__tags`). */
export const PATH_SEPARATOR = '__';

/** Joins raw record keys into one namespace key: a character that cannot collide with key text in practice. */
export const RAW_PATH_SEPARATOR = '\u0001';

const HASH_LENGTH = 8;

/** A short, stable hash used to keep identifiers distinct when they are shortened or collide. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * Normalizes one name (a key of a record, a resource name) to snake_case: accents are stripped via NFKD,
 * camelCase is split, anything outside [a-z0-9_] becomes `_`, runs of `_` collapse (except the `__` path
 * separator, which callers add themselves), a leading digit gets a `_` prefix, an empty result becomes `_`.
 */
export function normalizeName(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const out = computeName(name);
  // Keys repeat across records: a bounded cache keeps the hot path free of regexes.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, out);
  return out;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, string>();

/** Latin letters that NFKD does not decompose into ASCII. */
const LATIN: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'Oe',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
};

function computeName(name: string): string {
  let out = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆøØœŒđĐłŁþÞðÐı]/g, (c) => LATIN[c] ?? c)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_');
  // Keep a single trailing/leading underscore only when the name was made of nothing else.
  if (out.length > 1) out = out.replace(/^_+(?=[a-z0-9])/, '').replace(/(?<=[a-z0-9])_+$/, '');
  // Nothing readable is left (e.g. `日本語`): a stable name from the original text instead of a bare `_`.
  if (/^_*$/.test(out)) out = /^_*$/.test(name) && name !== '' ? '_' : `u_${shortHash(name)}`;
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out;
}

/** Shortens an identifier to `max` characters with a stable hash of the full name as suffix. */
export function shortenIdentifier(identifier: string, max: number): string {
  if (identifier.length <= max) return identifier;
  const suffix = `_${shortHash(identifier)}`;
  return `${identifier.slice(0, Math.max(1, max - suffix.length))}${suffix}`;
}

/**
 * Moves an identifier out of a destination's reserved prefixes (compared case-insensitively) by putting an `x`
 * in front (`_partitiontime` → `x_partitiontime`, `sys_id` → `x_sys_id` for a reserved `SYS_`). Deterministic,
 * so the same key always gets the same name.
 */
export function avoidReservedPrefixes(identifier: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return identifier;
  let id = identifier;
  for (let i = 0; i < 8 && isReserved(id, prefixes); i++) id = id.startsWith('_') ? `x${id}` : `x_${id}`;
  return id;
}

function isReserved(identifier: string, prefixes: readonly string[]): boolean {
  const lower = identifier.toLowerCase();
  return prefixes.some((p) => lower.startsWith(p.toLowerCase()));
}

/** Joins normalized path segments with `__` and fits the result into `max` characters. */
export function joinPath(segments: readonly string[], max: number): string {
  return shortenIdentifier(segments.join(PATH_SEPARATOR), max);
}

/**
 * Resolves raw names to identifiers inside one namespace (the columns of a table, the tables of a schema).
 * Stable: the same raw name always maps to the same identifier. Collision-free: when a second raw name
 * normalizes to an identifier another raw name already holds (`Name` and `name`), it gets a suffix made of a
 * hash of the raw name. Mappings of earlier runs are seeded from the stored schema (`sourcePath` of columns
 * and tables), so later runs keep them whatever order names arrive in.
 */
export class Namespace {
  readonly #byRaw = new Map<string, string>();
  readonly #owner = new Map<string, string>();

  constructor(
    readonly maxLength: number,
    /** Prefixes the destination rejects (see `avoidReservedPrefixes`). */
    readonly reservedPrefixes: readonly string[] = [],
  ) {}

  /** Identifiers no raw name may take (system columns like `_sluice_id`). */
  reserve(identifier: string): void {
    this.#owner.set(identifier, '\u0000reserved');
  }

  /** Restores a mapping made by an earlier run (from the stored schema), so naming does not depend on order. */
  seed(raw: string, identifier: string): void {
    this.#byRaw.set(raw, identifier);
    this.#owner.set(identifier, raw);
  }

  /** The identifier already resolved for `raw`, if any. */
  get(raw: string): string | undefined {
    return this.#byRaw.get(raw);
  }

  /** `normalized` is the preferred identifier for `raw` (already normalized and joined). */
  resolve(raw: string, normalized: string): string {
    const known = this.#byRaw.get(raw);
    if (known !== undefined) return known;
    const preferred = avoidReservedPrefixes(normalized, this.reservedPrefixes);
    let id = shortenIdentifier(preferred, this.maxLength);
    let attempt = 0;
    while (this.#owner.has(id) && this.#owner.get(id) !== raw) {
      const salt = attempt === 0 ? raw : `${raw}#${attempt}`;
      id = shortenIdentifier(`${preferred}_${shortHash(salt)}`, this.maxLength);
      attempt++;
    }
    this.#byRaw.set(raw, id);
    this.#owner.set(id, raw);
    return id;
  }
}

/**
 * The namespace key of the variant column holding `type` values of `column`: it cannot be a raw key path
 * (those never hold U+0000), so a record key can never share a variant's column (`priority.v_text` and the
 * text variant of `priority` both prefer `priority__v_text`; the second one to arrive gets a suffix).
 */
export function variantKey(column: string, type: string): string {
  return `\u0000variant${RAW_PATH_SEPARATOR}${column}${RAW_PATH_SEPARATOR}${type}`;
}
