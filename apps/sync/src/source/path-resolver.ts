import { CATALOG } from './catalog.js';

const PATTERNS = CATALOG.map((entry) => ({
  name: entry.name,
  pattern: new RegExp(`^(?:/api/v2)?${entry.path.replace('{id}', '(?:\\d+|\\{id\\})')}(?:\\?|$)`),
}));

/** The catalog resource a request or list path belongs to, e.g. `/api/v2/tickets/7/conversations?page=2`. */
export function resourceForPath(path: string): string | undefined {
  return PATTERNS.find((p) => p.pattern.test(path))?.name;
}
