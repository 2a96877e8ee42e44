import { resolve } from 'node:path';

/**
 * DuckDB's own default `memory_limit` is 80% of RAM, which a sync sharing a machine should not take: with a
 * bound, a large merge spills to disk instead and the process stays flat in memory (see docs/benchmarks.md).
 */
export const DEFAULT_MEMORY_LIMIT = '512MB';

/**
 * The configuration a database opens with: our defaults, overridden by the user's `config`. The file is attached
 * to an in-memory host instance, whose spill directory would default to `.tmp` in the working directory; spill
 * next to the database file instead.
 */
export function effectiveConfig(
  path: string,
  isMemory: boolean,
  config: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    memory_limit: DEFAULT_MEMORY_LIMIT,
    ...(isMemory ? {} : { temp_directory: `${resolve(path)}.tmp` }),
    ...config,
  };
}
