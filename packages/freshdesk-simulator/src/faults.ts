import { hashString, Rng, Stream } from './data/random.js';

/**
 * Failures the simulator can inject:
 * - `500`, `502`, `503`, `504`: that status with a JSON error body
 * - `slow`: the normal response after `slowMs`
 * - `reset`: headers and half the body, then the connection is destroyed
 * - `truncate`: a complete HTTP response whose JSON body is cut in half
 * - `malformed`: a complete HTTP response whose body is not JSON
 * - `429`: a storm of `stormLength` consecutive 429s with `Retry-After`, regardless of the budget
 */
export type FaultKind = '500' | '502' | '503' | '504' | 'slow' | 'reset' | 'truncate' | 'malformed' | '429';

export const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '502',
  '503',
  '504',
  'slow',
  'reset',
  'truncate',
  'malformed',
  '429',
];

export interface ScheduledFault {
  /** 1-based number of the API request (counting every /api/v2 request) that fails. */
  request: number;
  fault: FaultKind;
}

export interface FaultOptions {
  /** Probability per request and kind, e.g. `{ '503': 0.05, reset: 0.01 }`. Drawn with the simulator's seed. */
  probabilities?: Partial<Record<FaultKind, number>>;
  /** Faults on fixed request numbers. */
  schedule?: ScheduledFault[];
  /** Only requests whose path (below /api/v2) starts with one of these prefixes are eligible. */
  paths?: string[];
  /** Delay of a `slow` fault in real milliseconds (default 2000). */
  slowMs?: number;
  /** Length of a `429` storm in requests (default 5). */
  stormLength?: number;
  /** Retry-After seconds sent during a 429 storm (default 1). */
  stormRetryAfter?: number;
}

/** Parses the CLI form `503:0.05,reset:0.01,slow:0.1` into probabilities. */
export function parseFaultSpec(spec: string): Partial<Record<FaultKind, number>> {
  const out: Partial<Record<FaultKind, number>> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, value] = part.split(':');
    const probability = Number(value);
    if (!FAULT_KINDS.includes(kind as FaultKind) || !(probability >= 0 && probability <= 1)) {
      throw new Error(
        `Invalid fault "${part}": use kind:probability with kind one of ${FAULT_KINDS.join(', ')} and a probability between 0 and 1, e.g. 503:0.05,reset:0.01`,
      );
    }
    out[kind as FaultKind] = probability;
  }
  return out;
}

/** Parses the CLI form `10:429,25:reset` (API request number:kind) into a fault schedule. */
export function parseFaultSchedule(spec: string): ScheduledFault[] {
  return spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part) => {
      const [rawRequest, kind, extra] = part.split(':');
      const request = /^\d+$/.test(rawRequest ?? '') ? Number(rawRequest) : Number.NaN;
      const valid = Number.isSafeInteger(request) && request >= 1 && extra === undefined;
      if (!valid || !FAULT_KINDS.includes(kind as FaultKind)) {
        throw new Error(
          `Invalid scheduled fault "${part}": use request:kind with the 1-based number of the API request and kind one of ${FAULT_KINDS.join(', ')}, e.g. 10:429,25:reset`,
        );
      }
      return { request, fault: kind as FaultKind };
    });
}

/** Decides, request by request, whether and how to fail. Deterministic for a seed and a request order. */
export class FaultInjector {
  private requestCount = 0;
  private stormLeft = 0;
  private readonly queued: FaultKind[] = [];
  private readonly rng: Rng;
  private options: FaultOptions;

  constructor(seed: string, options: FaultOptions = {}) {
    this.rng = Rng.for(hashString(seed), Stream.faults, 0);
    this.options = options;
    for (const [kind, p] of Object.entries(options.probabilities ?? {})) {
      if (!FAULT_KINDS.includes(kind as FaultKind) || !(typeof p === 'number' && p >= 0 && p <= 1)) {
        throw new Error(
          `Invalid fault probability ${kind}=${String(p)}; kinds are ${FAULT_KINDS.join(', ')}, 0..1.`,
        );
      }
    }
  }

  get slowMs(): number {
    return this.options.slowMs ?? 2000;
  }

  get stormRetryAfter(): number {
    return this.options.stormRetryAfter ?? 1;
  }

  /** Replaces the options (from the control API). */
  configure(options: FaultOptions): void {
    this.options = options;
  }

  /** Makes the next `count` eligible requests fail with `kind`. */
  enqueue(kind: FaultKind, count = 1): void {
    for (let i = 0; i < count; i++) this.queued.push(kind);
  }

  /** The fault for the next API request, if any. */
  next(path: string): FaultKind | undefined {
    this.requestCount++;
    const paths = this.options.paths;
    if (paths && !paths.some((prefix) => path.startsWith(prefix))) return undefined;
    if (this.stormLeft > 0) {
      this.stormLeft--;
      return '429';
    }
    let fault = this.queued.shift();
    if (!fault) fault = this.options.schedule?.find((s) => s.request === this.requestCount)?.fault;
    if (!fault) fault = this.draw();
    if (fault === '429') this.stormLeft = Math.max(0, (this.options.stormLength ?? 5) - 1);
    return fault;
  }

  private draw(): FaultKind | undefined {
    const probabilities = this.options.probabilities;
    if (!probabilities) return undefined;
    const r = this.rng.next();
    let acc = 0;
    for (const kind of FAULT_KINDS) {
      acc += probabilities[kind] ?? 0;
      if (r < acc) return kind;
    }
    return undefined;
  }
}
