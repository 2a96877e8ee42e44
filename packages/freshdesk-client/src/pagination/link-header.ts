/**
 * The target of `rel="next"` in an RFC 8288 Link header, e.g.
 * `<https://acme.freshdesk.com/api/v2/tickets?page=2>; rel="next"`. Undefined when there is none.
 */
export function parseNextLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  // Links are separated by commas outside <...>; URLs may themselves contain commas (include=a,b).
  const links = header.match(/<[^>]*>[^,<]*/g) ?? [];
  for (const link of links) {
    const target = /^<([^>]*)>/.exec(link)?.[1];
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(link);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (target !== undefined && relations.includes('next')) return target;
  }
  return undefined;
}
