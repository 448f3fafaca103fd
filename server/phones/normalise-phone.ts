import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { LRUCache } from 'lru-cache';

/**
 * Any human- or provider-written phone number → E.164, or a typed reason why not. Pure.
 *
 * `max` metadata: with the default `min` metadata isValid() only checks lengths; we want the
 * digit patterns checked too, so a mistyped number is refused at the edge instead of stored.
 */
export type PhoneFailure = 'empty' | 'too_short' | 'too_long' | 'not_a_number' | 'invalid';
export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneFailure };

// E.164 allows 15 digits; extensions and formatting make real input longer, but not this long.
const MAX_INPUT_LENGTH = 64;
const MIN_DIGITS = 5;

// Each call event reads its two numbers again (libphonenumber with `max` metadata: ~0.1 ms each,
// ~5 % of server CPU under load), and the same few thousand numbers recur: answers are kept, up
// to a bound, so a file of a million distinct numbers cannot grow memory.
const memo = new LRUCache<string, PhoneResult>({ max: 10_000 });

export function normalisePhone(input: string, defaultRegion: string = 'US'): PhoneResult {
  const key = `${defaultRegion}\u0000${input}`;
  const known = memo.get(key);
  if (known) return known;
  const result = Object.freeze(readPhone(input, defaultRegion));
  memo.set(key, result);
  return result;
}

function readPhone(input: string, defaultRegion: string): PhoneResult {
  // NFKC turns full-width digits and plus signs (１３８…, ＋86) typed with Chinese IMEs into ASCII.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, reason: 'too_long' };
  const digits = text.replace(/\D/g, '');
  if (digits.length === 0) return { ok: false, reason: 'not_a_number' };
  if (digits.length < MIN_DIGITS) return { ok: false, reason: 'too_short' };

  const region = defaultRegion.toUpperCase() as CountryCode;
  const direct = parsePhoneNumberFromString(text, region);
  if (direct?.isValid()) return { ok: true, e164: direct.number };

  // "00" is the international prefix almost everywhere except North America: `0049 30 …` read as
  // US national digits becomes a wrong +1 number, so try it as "+" once the national read fails.
  const international = /^00(?=\s*\d)/.exec(text);
  if (international) {
    const retried = parsePhoneNumberFromString(`+${text.slice(2)}`, region);
    if (retried?.isValid()) return { ok: true, e164: retried.number };
  }
  return { ok: false, reason: 'invalid' };
}

/** The message an API answer shows for a failure. */
export function describePhoneFailure(reason: PhoneFailure): string {
  switch (reason) {
    case 'empty':
      return 'phone number is empty';
    case 'too_short':
      return 'phone number is too short';
    case 'too_long':
      return 'phone number is too long';
    case 'not_a_number':
      return 'not a phone number';
    case 'invalid':
      return 'not a valid phone number';
  }
}

/** Convenience for callers that only want the number: null when it cannot be read. */
export function toE164(input: string, defaultRegion: string = 'US'): string | null {
  const result = normalisePhone(input, defaultRegion);
  return result.ok ? result.e164 : null;
}
