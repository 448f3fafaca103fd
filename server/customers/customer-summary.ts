import { sql } from 'drizzle-orm';
import { customerPhones, customers } from '../../db/schema';

export type Segment = 'gold' | 'meteor' | 'stream' | 'burden';

export interface Rfm {
  recency: number;
  frequency: number;
  monetary: number;
}

/** A customer as every list, search and pop shows them (`customer` in call:pop plus teamId…). */
export interface CustomerSummary {
  id: string;
  name: string;
  /** E.164, in the order they were added. */
  phones: string[];
  email: string | null;
  tags: string[];
  segment: Segment | null;
  rfm: Rfm | null;
  timezone: string | null;
  locale: 'en' | 'zh-CN' | null;
  teamId: string | null;
  followUpFrequencyDays: number | null;
}

// Spelled out in full: drizzle leaves columns unqualified in a one-table select, and inside this
// correlated subquery a bare "id" would mean customer_phones.id.
const phonesOfCustomer = sql<string[]>`array(select cp.e164 from ${customerPhones} cp where cp.customer_id = ${customers}.${sql.identifier(customers.id.name)} order by cp.id)`;

/** The columns behind CustomerSummary; use in `db.select(customerSummaryColumns).from(customers)`. */
export const customerSummaryColumns = {
  id: customers.id,
  name: customers.name,
  phones: phonesOfCustomer,
  email: customers.email,
  tags: customers.tags,
  segment: customers.segment,
  rfmRecency: customers.rfmRecency,
  rfmFrequency: customers.rfmFrequency,
  rfmMonetary: customers.rfmMonetary,
  timezone: customers.timezone,
  locale: customers.locale,
  teamId: customers.teamId,
  followUpFrequencyDays: customers.followUpFrequencyDays,
};

export interface CustomerSummaryRow {
  id: string;
  name: string;
  phones: string[];
  email: string | null;
  tags: string[];
  segment: Segment | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  timezone: string | null;
  locale: 'en' | 'zh-CN' | null;
  teamId: string | null;
  followUpFrequencyDays: number | null;
}

export function toCustomerSummary(row: CustomerSummaryRow): CustomerSummary {
  const { rfmRecency: recency, rfmFrequency: frequency, rfmMonetary: monetary, ...rest } = row;
  // The value job writes all three at once; a partial triple means "not computed", not "1".
  const rfm = recency !== null && frequency !== null && monetary !== null ? { recency, frequency, monetary } : null;
  return { ...rest, rfm };
}
