import { describe, expect, it } from 'vitest';
import { budgetUse } from '../src/harness/budget.js';
import { emptyRequestLog, resourceOf } from '../src/harness/request-log.js';
import { figure, unmeasured } from '../src/report/figure.js';
import { formatNumber, markdownTable } from '../src/report/markdown.js';

describe('figure', () => {
  it('passes a >= goal at or above it and gives value ÷ goal', () => {
    const f = figure({
      id: 'a',
      section: 1,
      name: 'a',
      value: 150,
      unit: 'x',
      goal: { op: '>=', value: 100 },
    });
    expect(f.status).toBe('pass');
    expect(f.ratio).toBe(1.5);
    expect(figure({ ...f, value: 99 }).status).toBe('miss');
  });

  it('passes a <= goal at or below it, also a goal of zero', () => {
    expect(
      figure({ id: 'a', section: 6, name: 'a', value: 1.2, unit: '×', goal: { op: '<=', value: 1.5 } })
        .status,
    ).toBe('pass');
    const zero = { id: 'z', section: 3, name: 'z', unit: '', goal: { op: '<=', value: 0 } } as const;
    expect(figure({ ...zero, value: 0 })).toMatchObject({ status: 'pass', ratio: 1 });
    expect(figure({ ...zero, value: 2 })).toMatchObject({ status: 'miss', ratio: Number.POSITIVE_INFINITY });
  });

  it('is info without a goal', () => {
    expect(figure({ id: 'i', section: 1, name: 'i', value: 1, unit: '' })).toMatchObject({
      status: 'info',
      ratio: null,
    });
  });
});

describe('markdownTable', () => {
  it('prints one row per figure with value, limit, ratio and result, escaping pipes', () => {
    const table = markdownTable([
      figure({
        id: 'a',
        section: 2,
        name: 'load | ratio',
        value: 0.5,
        unit: '×',
        goal: { op: '>=', value: 0.7 },
      }),
      unmeasured({ id: 'b', section: 4, name: 'later', unit: '' }, 'not measured', 'needs the sync'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| 2 | load \\| ratio | 0.5 × | ≥ 0.7 | 0.71× | **miss** |');
    expect(lines[3]).toBe('| 4 | later | – | – | – | not measured |');
  });

  it('formats numbers with separators and few decimals', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.95123)).toBe('0.951');
  });
});

describe('resourceOf', () => {
  it('maps request URLs to catalog resources and list views', () => {
    const url = (s: string) => new URL(`http://127.0.0.1:1/api/v2${s}`);
    expect(resourceOf(url('/tickets?updated_since=x'))).toBe('tickets');
    expect(resourceOf(url('/tickets?filter=deleted'))).toBe('tickets (deleted)');
    expect(resourceOf(url('/tickets/42/conversations?page=2'))).toBe('conversations');
    expect(resourceOf(url('/contacts?state=blocked'))).toBe('contacts (blocked)');
  });
});

describe('budgetUse', () => {
  it('counts credits and 429s in the steady state only, per minute of budget', () => {
    const log = emptyRequestLog();
    // 10 simulated minutes of 100 ms each, 8 requests of 1 credit per minute; a 429 in the first minute.
    for (let t = 0; t <= 1000; t += 12.5) {
      log.at.push(t);
      log.status.push(t === 25 ? 429 : 200);
      log.credits.push(1);
    }
    const use = budgetUse(log, 10, 100);
    expect(use.steadyMinutes).toBeCloseTo(8);
    expect(use.share).toBeCloseTo(0.8, 1);
    expect(use.steady429).toBe(0);
    expect(use.total429).toBe(1);
    expect(use.requests).toBe(81);
  });
});
