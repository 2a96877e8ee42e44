import type { Figure } from './figure.js';

const STATUS_TEXT: Record<Figure['status'], string> = {
  pass: 'pass',
  miss: '**miss**',
  info: '–',
  error: '**error**',
  'not measured': 'not measured',
};

/** Numbers as people read them: thousands separated, at most three significant decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function limitText(f: Figure): string {
  const goal = f.goal ? `${f.goal.op === '>=' ? '≥' : '≤'} ${formatNumber(f.goal.value)}` : '';
  if (f.limit && goal) return `${goal} (${f.limit})`;
  return f.limit ?? (goal || '–');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The results as one markdown table: figure, value, limit or goal, ratio, pass/miss. */
export function markdownTable(figures: readonly Figure[]): string {
  const lines = [
    '| # | figure | value | limit / goal | ratio | result |',
    '| - | ------ | ----: | ------------ | ----: | ------ |',
  ];
  for (const f of figures) {
    const value = f.value === null ? '–' : `${formatNumber(f.value)} ${f.unit}`.trim();
    const ratio = f.ratio === null ? '–' : `${f.ratio.toFixed(2)}×`;
    const status = STATUS_TEXT[f.status];
    lines.push(
      `| ${f.section} | ${cell(f.name)} | ${cell(value)} | ${cell(limitText(f))} | ${ratio} | ${status} |`,
    );
  }
  return lines.join('\n');
}

/** Notes of figures that carry one, numbered by figure, for under the table. */
export function markdownNotes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- ${f.name}: ${f.note}`)
    .join('\n');
}
