import { LRUCache } from 'lru-cache';
import type postgres from 'postgres';
import type { CustomerImportRow } from './import-rows';

// A file names a handful of teams; one naming a new team per row must not grow memory with the file.
const MAX_CACHED_TEAMS = 10_000;

/** Team name → id, created on first mention (as POST /api/customers does for admins). */
export class TeamCache {
  private readonly ids: LRUCache<string, string>;
  constructor(private readonly sql: postgres.Sql, maxCached = MAX_CACHED_TEAMS) {
    this.ids = new LRUCache({ max: maxCached });
  }

  /** The id of every name given (teams created as needed), whatever the cache has let go. */
  async resolve(names: Iterable<string>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const name of new Set(names)) {
      const id = this.ids.get(name);
      if (id) found.set(name, id);
      else missing.push(name);
    }
    if (missing.length) {
      await this.sql`insert into teams (name) select unnest(${missing}::text[]) on conflict (name) do nothing`;
      for (const row of await this.sql<{ id: string; name: string }[]>`select id, name from teams where name = any(${missing}::text[])`) {
        this.ids.set(row.name, row.id);
        found.set(row.name, row.id);
      }
    }
    return found;
  }
}

// Optional file column → the customers column it sets. Only columns in the file are updated: a file
// of external_id,name,phones must not wipe the tags, team or time zone a customer already has.
const UPDATABLE: Record<string, string> = { email: 'email', tags: 'tags', timezone: 'timezone', locale: 'locale', team: 'team_id' };

/** The customers columns an import with this header updates (name always; phones are added separately). */
export function customerColumnsOf(header: Iterable<string>): string[] {
  const present = new Set(header);
  return ['name', ...Object.entries(UPDATABLE).flatMap(([column, target]) => (present.has(column) ? [target] : []))];
}

/**
 * Upserts a batch keyed by external_id in one transaction. New customers get every column; existing
 * ones only `columns` (customerColumnsOf). A row equal to what is stored is not rewritten
 * (re-importing a file changes nothing, not even updated_at); numbers are added, never removed
 * (agents add numbers on the customer page that the source system does not know).
 */
export async function writeCustomerBatch(sql: postgres.Sql, teams: TeamCache, rows: CustomerImportRow[], columns: string[] = customerColumnsOf(Object.keys(UPDATABLE))): Promise<void> {
  // Whitelisted names only (UPDATABLE), so they may be spliced into the statement.
  const known = new Set(['name', ...Object.values(UPDATABLE)]);
  const updated = columns.filter((c) => known.has(c));
  const set = sql.unsafe(updated.map((c) => `${c} = excluded.${c}`).join(', '));
  const stored = sql.unsafe(updated.map((c) => `customers.${c}`).join(', '));
  const incoming = sql.unsafe(updated.map((c) => `excluded.${c}`).join(', '));
  // The last row of an external_id wins: one statement cannot upsert the same key twice.
  const byKey = new Map(rows.map((r) => [r.externalId, r]));
  const unique = [...byKey.values()];
  const teamIds = await teams.resolve(unique.flatMap((r) => (r.team ? [r.team] : [])));
  const records = unique.map((r) => ({
    external_id: r.externalId,
    name: r.name,
    email: r.email,
    tags: r.tags,
    timezone: r.timezone,
    locale: r.locale,
    team_id: r.team ? (teamIds.get(r.team) ?? null) : null,
  }));
  const phones = unique.flatMap((r) => r.phones.map((e164) => ({ external_id: r.externalId, e164 })));
  await sql.begin(async (tx) => {
    await tx`
      insert into customers (external_id, name, email, tags, timezone, locale, team_id)
      select external_id, name, email, tags, timezone, locale::locale, team_id
      from jsonb_to_recordset(${tx.json(records as unknown as postgres.JSONValue)}::jsonb)
        as r(external_id text, name text, email text, tags text[], timezone text, locale text, team_id uuid)
      on conflict (external_id) do update set ${set}, updated_at = now()
      where (${stored}, null) is distinct from (${incoming}, null)`;
    if (phones.length) {
      await tx`
        insert into customer_phones (customer_id, e164)
        select c.id, p.e164
        from jsonb_to_recordset(${tx.json(phones as unknown as postgres.JSONValue)}::jsonb) as p(external_id text, e164 text)
        join customers c on c.external_id = p.external_id
        on conflict (customer_id, e164) do nothing`;
    }
  });
}
