/** The default start date: all history. Freshdesk accounts cannot hold data older than this. */
export const ALL_HISTORY = '1970-01-01T00:00:00Z';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Thrown for a start date that is not an ISO date or timestamp; says which forms are accepted. */
export class InvalidStartDateError extends Error {
  constructor(readonly value: string) {
    super(
      `The start date ${JSON.stringify(value)} is not valid: use an ISO date (2024-01-31) or a UTC timestamp ` +
        '(2024-01-31T10:00:00Z). Leave it out to load all history.',
    );
    this.name = 'InvalidStartDateError';
  }
}

/** Normalizes a start date to `YYYY-MM-DDTHH:MM:SSZ` (UTC), the form Freshdesk's `*_since` filters take. */
export function parseStartDate(value: string | Date | undefined): string {
  if (value === undefined) return ALL_HISTORY;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidStartDateError(String(value));
    return toSeconds(value);
  }
  const text = value.trim();
  if (!DATE.test(text) && !TIMESTAMP.test(text)) throw new InvalidStartDateError(value);
  const date = new Date(DATE.test(text) ? `${text}T00:00:00Z` : text);
  // Date.parse rolls 2024-02-31 over to March: a date that does not round-trip is a typo.
  if (Number.isNaN(date.getTime()) || (DATE.test(text) && date.toISOString().slice(0, 10) !== text)) {
    throw new InvalidStartDateError(value);
  }
  return toSeconds(date);
}

function toSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
