import { parseIsoDuration } from '../../lib/iso-duration';

/** Two days: long enough for the fix to be felt, short enough to be remembered. */
export const DEFAULT_SATISFACTION_DELAY = 'P2D';
export const SATISFACTION_DELAY_SETTING = 'satisfaction-delay';

/**
 * Seconds between closing a complaint and its satisfaction call, from the `settings` value of
 * `satisfaction-delay`: an ISO-8601 duration (`"P2D"`), a number of seconds, or `{duration}` /
 * `{value}` holding either. Anything missing or unreadable falls back to P2D rather than failing
 * the close: the setting tunes the follow-up, it must never block the complaint.
 */
export function satisfactionDelaySeconds(value: unknown): number {
  const fallback = parseIsoDuration(DEFAULT_SATISFACTION_DELAY);
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : fallback;
  if (typeof value === 'string') {
    try {
      return parseIsoDuration(value.trim());
    } catch {
      return fallback;
    }
  }
  if (value !== null && typeof value === 'object') {
    const inner = (value as Record<string, unknown>).duration ?? (value as Record<string, unknown>).value;
    return inner === undefined ? fallback : satisfactionDelaySeconds(inner);
  }
  return fallback;
}
