import { readPath, type SigToken, stripProject } from './rewrite.js';
import type { TableRef } from './statement.js';
import { isWord } from './tokenize.js';

const TABLE_KEYWORDS = new Set(['FROM', 'JOIN', 'USING']);

/**
 * The dataset-qualified tables a statement reads (after FROM, JOIN and MERGE's USING), so a job can fail the
 * way BigQuery's does when one is missing, before analysis or execution. Unqualified names are left out:
 * they are CTEs, temp tables or tables of the default dataset. `EXTRACT(part FROM x)` and `IS DISTINCT FROM`
 * are not table references.
 */
export function tablesRead(t: readonly SigToken[], projectId: string): TableRef[] {
  const reads: TableRef[] = [];
  // For each open parenthesis, the word before it (`EXTRACT`, `IN`, ...), if any.
  const openers: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const token = t[i] as SigToken;
    if (token.text === '(') {
      const before = t[i - 1];
      openers.push(before?.kind === 'word' ? before.value.toUpperCase() : '');
      continue;
    }
    if (token.text === ')') {
      openers.pop();
      continue;
    }
    if (token.kind !== 'word' || !TABLE_KEYWORDS.has(token.value.toUpperCase())) continue;
    if (openers.at(-1) === 'EXTRACT' || isWord(t[i - 1], 'DISTINCT')) continue;
    const parts = stripProject(readPath(t, i + 1).parts, projectId);
    if (parts.length === 2) reads.push({ datasetId: parts[0] as string, tableId: parts[1] as string });
  }
  return reads;
}
