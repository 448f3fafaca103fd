import { Duration } from 'luxon';

/** Thrown for a duration the API cannot accept; the HTTP layer answers it with a 400. */
export class InvalidDurationError extends Error {
  override readonly name = 'InvalidDurationError';
  constructor(readonly input: unknown, reason: string) {
    super(`invalid ISO-8601 duration ${JSON.stringify(input)}: ${reason}`);
  }
}

/**
 * `PT1H` → 3600. Durations in the API are ISO-8601 (CONTRACT.md); the database keeps whole seconds.
 *
 * Rejected, each with its own reason: anything luxon cannot parse (case matters: `pt1h` is not ISO),
 * years and months (`P1M` has no fixed length, and luxon would silently call it 30 days — write `P30D`),
 * zero, negative and fractional results (a retry or deadline window must be a positive whole number of
 * seconds). Days and weeks count as 86 400 and 604 800 s: these are windows, not calendar steps.
 */
export function parseIsoDuration(text: string): number {
  if (typeof text !== 'string') throw new InvalidDurationError(text, 'not a string');
  const duration = Duration.fromISO(text);
  if (!duration.isValid) throw new InvalidDurationError(text, 'unparsable');
  if (duration.years !== 0 || duration.quarters !== 0 || duration.months !== 0) {
    throw new InvalidDurationError(text, 'years and months have no fixed length; use days');
  }
  const seconds = duration.as('seconds');
  if (!Number.isFinite(seconds)) throw new InvalidDurationError(text, 'not a finite length');
  if (seconds <= 0) throw new InvalidDurationError(text, 'must be longer than zero');
  if (!Number.isInteger(seconds)) throw new InvalidDurationError(text, 'must be a whole number of seconds');
  return seconds;
}

/** 5400 → `PT1H30M`, 86400 → `P1D`: the form the API answers with. */
export function formatIsoDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new RangeError(`duration must be a positive whole number of seconds, got ${seconds}`);
  }
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const date = days > 0 ? `${days}D` : '';
  const time = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 ? `${rest}S` : ''}`;
  return `P${date}${time ? `T${time}` : ''}`;
}
