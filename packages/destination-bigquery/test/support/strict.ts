import { createZetaSqlAnalyzer, type SqlAnalyzer } from '@sluice/bigquery-fake';

/** A ZetaSQL analyzer that also records every statement it analyzed and every statement it rejected. */
export interface RecordingAnalyzer extends SqlAnalyzer {
  readonly analyzed: string[];
  readonly rejected: { sql: string; message: string }[];
}

export async function recordingAnalyzer(): Promise<RecordingAnalyzer> {
  const inner = await createZetaSqlAnalyzer();
  const analyzed: string[] = [];
  const rejected: { sql: string; message: string }[] = [];
  return {
    analyzed,
    rejected,
    async analyze(sql, options) {
      analyzed.push(sql);
      const result = await inner.analyze(sql, options);
      if (!result.ok) rejected.push({ sql, message: result.message });
      return result;
    },
    stop: () => inner.stop(),
  };
}

let shared: Promise<RecordingAnalyzer> | undefined;

/** One ZetaSQL analyzer per test file (its server is a process-wide singleton); see `stopStrictAnalyzer`. */
export function strictAnalyzer(): Promise<RecordingAnalyzer> {
  shared ??= recordingAnalyzer();
  return shared;
}

/** Stops the ZetaSQL server of this test file, if one started. */
export async function stopStrictAnalyzer(): Promise<void> {
  const analyzer = shared;
  shared = undefined;
  await (await analyzer)?.stop();
}
