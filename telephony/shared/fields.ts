/**
 * Reading untrusted webhook fields. Form bodies give repeated keys as arrays; a field we need one
 * value of is accepted when every copy agrees and rejected as ambiguous otherwise, so a crafted
 * `CallSid=a&CallSid=b` cannot be read two ways by two parts of the system.
 */
export type Fields = Record<string, unknown>;

export type FieldRead = { ok: true; value: string | undefined } | { ok: false; reason: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One string value of `name`: absent → undefined; repeated with equal values → that value. */
export function singleField(fields: Fields, name: string): FieldRead {
  const raw = fields[name];
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw === 'string') return { ok: true, value: raw };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
  if (Array.isArray(raw) && raw.length > 0 && raw.every((v) => typeof v === 'string')) {
    const first = raw[0] as string;
    return raw.every((v) => v === first) ? { ok: true, value: first } : { ok: false, reason: `ambiguous repeated field ${name}` };
  }
  return { ok: false, reason: `field ${name} is not a string` };
}

/** All string values of `name` (a single value becomes a one-element list). */
export function listField(fields: Fields, name: string): string[] | undefined {
  const raw = fields[name];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw as string[];
  return undefined;
}

/**
 * Form fields exactly as sent: keys untouched (no `[]` stripping — a signature covers the key as
 * sent), a key sent twice becomes an array in order of arrival.
 */
export function parseFormExact(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** A header by case-insensitive name; repeated headers → the first value. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** The path without its query string. */
export function pathOf(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  return q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
}
