import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { customerPhones, customers, orders } from '../../db/schema';
import { normalisePhone } from '../phones/normalise-phone';
import { customerSummaryColumns, toCustomerSummary, type CustomerSummary } from './customer-summary';
import { visibleTo } from './customer-visibility';

export const SEARCH_LIMIT = 50;

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

/**
 * Substring match for 3+ characters. Shorter text (a two-character Chinese name, a surname) has no
 * trigram of its own inside `%…%`, which made PostgreSQL read the whole trigram index; it matches
 * the start of the name or of a word in it instead, which the index serves.
 */
function nameMatch(text: string, anywhere = false) {
  const name = sql`lower(${customers.name})`;
  if (anywhere || [...text].length >= 3) return sql`${name} like lower(${`%${escapeLike(text)}%`})`;
  const prefix = `${escapeLike(text)}%`;
  return sql`(${name} like lower(${prefix}) or ${name} like lower(${`% ${prefix}`}))`;
}

const HAN = /\p{Script=Han}/u;

/**
 * Free-text search: name (substring, served by the lower(name) trigram index), email (exact,
 * case-insensitive), a number in any written form, or an order's externalId. Each source is its
 * own indexed query and their ids are unioned; best name matches first.
 */
export async function searchCustomers(db: Tx, q: string, scope: SearchScope, limit = SEARCH_LIMIT): Promise<CustomerSummary[]> {
  const text = q.trim();
  if (text === '') return listCustomers(db, scope.teamId, limit);
  const found = await searchOnce(db, q, text, scope, limit, false);
  // A Chinese given name is written inside the full name (晓明 in 周晓明), where no index reaches:
  // only when the indexed read found nobody is the whole name column scanned for it.
  if (found.length === 0 && HAN.test(text) && [...text].length < 3) return searchOnce(db, q, text, scope, limit, true);
  return found;
}

async function searchOnce(db: Tx, q: string, text: string, scope: SearchScope, limit: number, anywhere: boolean): Promise<CustomerSummary[]> {
  const byName = db
    .select({ id: customers.id })
    .from(customers)
    .where(nameMatch(text, anywhere))
    .limit(NAME_CANDIDATES);
  const byEmail = db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.email}) = lower(${text})`);
  const byOrder = db.select({ id: orders.customerId }).from(orders).where(eq(orders.externalId, text));
  const phone = /\d/.test(text) ? normalisePhone(restorePlus(q), scope.defaultRegion) : null;
  const matches = phone?.ok
    ? union(byName, byEmail, byOrder, db.select({ id: customerPhones.customerId }).from(customerPhones).where(eq(customerPhones.e164, phone.e164)))
    : union(byName, byEmail, byOrder);

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
