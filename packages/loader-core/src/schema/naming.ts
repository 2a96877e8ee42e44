import { createHash } from 'node:crypto';

/** Separator between a parent path and a nested field (`stats__resolved_at`, `tickets__tags`). */
export const PATH_SEPARATOR = '__';

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

function computeName(name: string): string {
  let out = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_');
  // Keep a single trailing/leading underscore only when the name was made of nothing else.
  if (out.length > 1) out = out.replace(/^_+(?=[a-z0-9])/, '').replace(/(?<=[a-z0-9])_+$/, '');
  if (out === '') out = '_';
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out;
}

/** Shortens an identifier to `max` characters with a stable hash of the full name as suffix. */
export function shortenIdentifier(identifier: string, max: number): string {
  if (identifier.length <= max) return identifier;
  const suffix = `_${shortHash(identifier)}`;
  return `${identifier.slice(0, Math.max(1, max - suffix.length))}${suffix}`;
}

/** Joins normalized path segments with `__` and fits the result into `max` characters. */
export function joinPath(segments: readonly string[], max: number): string {
  return shortenIdentifier(segments.join(PATH_SEPARATOR), max);
}

/**
 * Resolves raw names to identifiers inside one namespace (the columns of a table, the tables of a schema).
 * Stable: the same raw name always maps to the same identifier. Collision-free: when a second raw name
 * normalizes to an identifier another raw name already holds in this run (`Name` and `name`), it gets a
 * suffix made of a hash of the raw name, so the result depends only on the raw names and their first-seen
 * order. Identifiers stored by earlier runs are simply reused by whatever raw name normalizes to them.
 */
export class Namespace {
  readonly #byRaw = new Map<string, string>();
  readonly #owner = new Map<string, string>();

  constructor(readonly maxLength: number) {}

  /** Identifiers no raw name may take (system columns like `_sluice_id`). */
  reserve(identifier: string): void {
    this.#owner.set(identifier, '\u0000reserved');
  }

  /** The identifier already resolved for `raw`, if any. */
  get(raw: string): string | undefined {
    return this.#byRaw.get(raw);
  }

  /** `normalized` is the preferred identifier for `raw` (already normalized and joined). */
  resolve(raw: string, normalized: string): string {
    const known = this.#byRaw.get(raw);
    if (known !== undefined) return known;
    let id = shortenIdentifier(normalized, this.maxLength);
    let attempt = 0;
    while (this.#owner.has(id) && this.#owner.get(id) !== raw) {
      const salt = attempt === 0 ? raw : `${raw}#${attempt}`;
      id = shortenIdentifier(`${normalized}_${shortHash(salt)}`, this.maxLength);
      attempt++;
    }
    this.#byRaw.set(raw, id);
    this.#owner.set(id, raw);
    return id;
  }
}
