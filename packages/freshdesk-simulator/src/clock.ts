/**
 * The simulator's clock. It runs with real time from a chosen start instant and can be pushed forward
 * (advanceClock), so tests can make "30 days later" happen instantly.
 */
export class SimClock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(private readonly startMs: number) {}

  /** Current simulated time in milliseconds since the epoch. */
  nowMs(): number {
    return this.startMs + (Date.now() - this.realStart) + this.offsetMs;
  }

  /** Current simulated time in whole seconds (Freshdesk timestamps have second precision). */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** The instant the data set was generated against. */
  get generatedAtSeconds(): number {
    return Math.floor(this.startMs / 1000);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`advanceClock needs a non-negative number of milliseconds, got ${ms}`);
    }
    this.offsetMs += ms;
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * Freshdesk's timestamp format: ISO 8601 in UTC with second precision, e.g. 2024-05-01T10:20:30Z.
 * Formatting is the hottest step of record generation, so date prefixes are cached per day.
 */
export function isoSeconds(seconds: number): string {
  const whole = Math.floor(seconds);
  const day = Math.floor(whole / 86_400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 20_000) dayPrefixes.clear();
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = whole - day * 86_400;
  const hours = Math.floor(rest / 3600);
  const minutes = Math.floor((rest % 3600) / 60);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[rest % 60]}Z`;
}

/** Parses a Freshdesk date or date-time query value into seconds, or undefined when it is not a date. */
export function parseTimestamp(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
