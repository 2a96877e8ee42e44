/** pass/miss against a goal; info has no goal; error when the measurement failed; not measured when skipped. */
export type Status = 'pass' | 'miss' | 'info' | 'error' | 'not measured';

export interface Goal {
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** One row of the results table. */
export interface Figure {
  /** Stable key for the JSON, e.g. `normalize.100000.records_per_s`. */
  readonly id: string;
  /** Which point of issue 9 it answers (1 to 6). */
  readonly section: number;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly goal?: Goal;
  /** How the limit reads in the table, when more than the goal (e.g. the other side of a comparison). */
  readonly limit?: string;
  /** value ÷ goal: at least 1 passes a `>=` goal, at most 1 passes a `<=` goal. */
  readonly ratio: number | null;
  readonly status: Status;
  readonly note?: string;
}

export interface FigureInit {
  readonly id: string;
  readonly section: number;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: Goal;
  readonly limit?: string;
  readonly note?: string;
}

export function figure(init: FigureInit): Figure {
  const { goal, value } = init;
  if (!goal) return { ...init, ratio: null, status: 'info' };
  const ratio = goal.value === 0 ? (value === 0 ? 1 : Number.POSITIVE_INFINITY) : value / goal.value;
  const pass = goal.op === '>=' ? value >= goal.value : value <= goal.value;
  return { ...init, ratio, status: pass ? 'pass' : 'miss' };
}

/** A row for a figure that could not be measured, saying why. */
export function unmeasured(
  init: Omit<FigureInit, 'value'>,
  status: 'error' | 'not measured',
  note: string,
): Figure {
  return { ...init, value: null, ratio: null, status, note };
}
