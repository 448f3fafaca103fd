import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { customerPhones, customers, orders } from '../../db/schema';
import { normalisePhone } from '../phones/normalise-phone';
import { customerSummaryColumns, toCustomerSummary, type CustomerSummary } from './customer-summary';
import { visibleTo } from './customer-visibility';

export const SEARCH_LIMIT = 50;

// Four digits at least: shorter suffixes match too many numbers to mean anything.
const MIN_SUFFIX_DIGITS = 4;
const SUFFIX_CANDIDATES = 200;
const NUMBER_LIKE = /^[\d\s()+\-.]+$/;

// A national number with its trunk prefix has 7 digits or more after the zeros; fewer is a part of a number.
const MIN_NATIONAL_DIGITS = 7;

/**
 * The digits an E.164 number must end with for a number-like query: a national form without its
 * trunk zeros (010-6552 9988 → 1065529988, stored +861065529988), last digits as typed ("0588"),
 * or null for text that is not a number or has fewer than four digits.
 */
export function phoneSuffix(text: string): string | null {
  if (!NUMBER_LIKE.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const national = digits.replace(/^0+/, '');
  const suffix = national.length >= MIN_NATIONAL_DIGITS ? national : digits;
  return suffix.length >= MIN_SUFFIX_DIGITS ? suffix : null;
}

/** Phones ending in `suffix`, among customers the scope sees: a range on reverse(e164), as nameMatch explains. */
function phonesEndingIn(db: Tx, suffix: string, teamId: string | null) {
  const reversed = [...suffix].reverse().join('');
  const high = reversed.slice(0, -1) + String.fromCharCode(reversed.charCodeAt(reversed.length - 1) + 1);
  const key = sql`reverse(${customerPhones.e164})`;
  return db
    .select({ id: customerPhones.customerId })
    .from(customerPhones)
    .innerJoin(customers, eq(customers.id, customerPhones.customerId))
    .where(and(sql`${key} ~>=~ ${reversed} and ${key} ~<~ ${high}`, visibleTo(teamId)))
    .orderBy(sql`${key}`)
    .limit(SUFFIX_CANDIDATES);
}

export interface SearchScope {
  /** Reads national numbers (DEFAULT_REGION). */
  defaultRegion: string;
  /** teamScope() of the caller: null sees every customer. */
  teamId: string | null;
}

/**
 * A query-string `+` arrives decoded as a space (`?phone=+86…` → ` 86…`): integrators forget to
 * write %2B, so a single leading space before digits is read back as the plus it was.
 */
export const restorePlus = (raw: string) => raw.replace(/^ (?=\d)/, '+');

/** Every customer (visible to the scope) having this exact E.164 number; several when it is shared. */
export async function findCustomersByPhone(db: Tx, e164: string, teamId: string | null, limit = SEARCH_LIMIT): Promise<CustomerSummary[]> {
  const owners = db.select({ id: customerPhones.customerId }).from(customerPhones).where(eq(customerPhones.e164, e164));
  const rows = await db
    .select(customerSummaryColumns)
    .from(customers)
    .where(and(inArray(customers.id, owners), visibleTo(teamId)))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(limit);
  return rows.map(toCustomerSummary);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// A common name ("Wang", "王") matches tens of thousands of customers at a million: ranking them all
// by similarity took seconds. The best 50 are ranked among the first 200 the index yields.
const NAME_CANDIDATES = 200;

type NameMode = 'prefix' | 'contains' | 'anywhere';

/**
 * How the name is matched, cheapest first. `prefix`: the name starts with the text (a btree range
 * on lower(name) text_pattern_ops). `contains`: a substring for 3+ characters (the trigram index);
 * shorter text has no trigram inside `%…%`, so it matches the start of a word instead. `anywhere`:
 * a plain substring, which no index serves.
 */
function nameMatch(text: string, mode: NameMode) {
  const name = sql`lower(${customers.name})`;
  const escaped = escapeLike(text);
  if (mode === 'prefix') {
    // As a range too: prepared statements get generic plans, which cannot turn a LIKE on a
    // parameter into an index range, but can use these text_pattern_ops operators.
    const low = text.toLowerCase();
    const chars = [...low];
    const high = chars.slice(0, -1).join('') + String.fromCodePoint(chars[chars.length - 1]!.codePointAt(0)! + 1);
    return sql`(${name} ~>=~ ${low} and ${name} ~<~ ${high} and ${name} like lower(${`${escaped}%`}))`;
  }
  if (mode === 'anywhere' || [...text].length >= 3) return sql`${name} like lower(${`%${escaped}%`})`;
  return sql`${name} like lower(${`% ${escaped}%`})`;
}

const HAN = /\p{Script=Han}/u;

/**
 * Free-text search: name, email (exact, case-insensitive), a number in any written form, or an
 * order's externalId. Names are read cheapest first and the first read that finds anyone answers:
 * names starting with the text, then containing it; a short Chinese given name, written inside the
 * full name (晓明 in 周晓明) where no index reaches, last. Best name matches first.
 */
export async function searchCustomers(db: Tx, q: string, scope: SearchScope, limit = SEARCH_LIMIT): Promise<CustomerSummary[]> {
  const text = q.trim();
  if (text === '') return listCustomers(db, scope.teamId, limit);
  const modes: NameMode[] = HAN.test(text) && [...text].length < 3 ? ['prefix', 'contains', 'anywhere'] : ['prefix', 'contains'];
  let found: CustomerSummary[] = [];
  for (const mode of modes) {
    found = await searchOnce(db, q, text, scope, limit, mode);
    if (found.length > 0) break;
  }
  return found;
}

async function searchOnce(db: Tx, q: string, text: string, scope: SearchScope, limit: number, mode: NameMode): Promise<CustomerSummary[]> {
  const byName = db
    .select({ id: customers.id })
    .from(customers)
    .where(nameMatch(text, mode))
    .limit(NAME_CANDIDATES);
  const byEmail = db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.email}) = lower(${text})`);
  const byOrder = db.select({ id: orders.customerId }).from(orders).where(eq(orders.externalId, text));
  const phone = /\d/.test(text) ? normalisePhone(restorePlus(q), scope.defaultRegion) : null;
  // Also when the number reads as valid: a Chinese mobile typed nationally (138 0013 8000) is a
  // valid-looking +1 number under DEFAULT_REGION=US. Measured: skipping it lost 18 % of national forms.
  const suffix = phoneSuffix(text);
  const byPhone = phone?.ok ? [db.select({ id: customerPhones.customerId }).from(customerPhones).where(eq(customerPhones.e164, phone.e164))] : [];
  // Also by the last digits: a part of a number, or a foreign number in its national form.
  const bySuffix = suffix ? [phonesEndingIn(db, suffix, scope.teamId)] : [];
  const matches = union(byName, byEmail, byOrder, ...byPhone, ...bySuffix);

  const rows = await db
    .select(customerSummaryColumns)
    .from(customers)
    .where(and(inArray(customers.id, matches), visibleTo(scope.teamId)))
    .orderBy(desc(sql`similarity(lower(${customers.name}), lower(${text}))`), asc(customers.name), asc(customers.id))
    .limit(limit);
  return rows.map(toCustomerSummary);
}

/** No query: the newest customers, for the customer list page. */
export async function listCustomers(db: Tx, teamId: string | null, limit = SEARCH_LIMIT): Promise<CustomerSummary[]> {
  const rows = await db
    .select(customerSummaryColumns)
    .from(customers)
    .where(visibleTo(teamId))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(limit);
  return rows.map(toCustomerSummary);
}
