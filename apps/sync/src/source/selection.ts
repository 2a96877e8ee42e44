import { CATALOG, type CatalogEntry, catalogEntry, RESOURCE_NAMES } from './catalog.js';

/** A resource name the catalog does not know; lists the known ones. */
export class UnknownResourceError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `Unknown resource${names.length > 1 ? 's' : ''} ${names.map((n) => JSON.stringify(n)).join(', ')}. ` +
        `Known resources: ${RESOURCE_NAMES.join(', ')} (run \`sluice-sync resources\` for details).`,
    );
    this.name = 'UnknownResourceError';
  }
}

/** The catalog entries a run loads: the selection (default all), each with its ancestors, in catalog order. */
export function selectEntries(names: readonly string[] | undefined): CatalogEntry[] {
  if (names === undefined || names.length === 0) return [...CATALOG];
  const unknown = names.filter((n) => !catalogEntry(n));
  if (unknown.length > 0) throw new UnknownResourceError(unknown);
  const wanted = new Set<string>();
  for (const name of names) {
    for (let e = catalogEntry(name); e; e = e.parent ? catalogEntry(e.parent) : undefined) wanted.add(e.name);
  }
  return CATALOG.filter((e) => wanted.has(e.name));
}

/**
 * The resources reloaded in full: the names given (`*` for all), plus the ticket children of a refreshed
 * tickets resource and the tickets of a refreshed child (children are only read for tickets read in the run).
 */
export function fullRefreshSet(names: readonly string[] | undefined): Set<string> {
  if (!names || names.length === 0) return new Set();
  if (names.includes('*')) return new Set(RESOURCE_NAMES);
  const unknown = names.filter((n) => !catalogEntry(n));
  if (unknown.length > 0) throw new UnknownResourceError(unknown);
  const out = new Set(names);
  const ticketFamily = CATALOG.filter((e) => e.name === 'tickets' || e.kind === 'ticket-child');
  if (ticketFamily.some((e) => out.has(e.name))) for (const e of ticketFamily) out.add(e.name);
  return out;
}
