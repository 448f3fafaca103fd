import type postgres from 'postgres';

/**
 * What has been seeded, kept in `settings` under one key: the seed, the anchor the timestamps are
 * relative to, and how many bulk customers exist. Updated in the same transaction as each bulk batch,
 * so it never claims rows that were rolled back.
 */
export const MARKER_KEY = 'seed.demo';

export interface SeedMarker {
  version: 1;
  seed: number;
  anchor: string;
  bulkCustomers: number;
  /** Index definitions dropped for a bulk load and not yet rebuilt (a run died): the next run builds them. */
  pendingIndexes?: string[];
}

type Query = postgres.Sql | postgres.TransactionSql;

export async function readMarker(sql: Query): Promise<SeedMarker | undefined> {
  const rows = await sql<Array<{ value: SeedMarker }>>`select value from settings where key = ${MARKER_KEY}`;
  return rows[0]?.value;
}

/** onlyIncrease: concurrent batches commit out of order; the count never moves backwards. */
export async function writeMarker(sql: Query, marker: SeedMarker, opts: { onlyIncrease?: boolean } = {}): Promise<void> {
  const value = sql.json(marker as unknown as postgres.JSONValue);
  if (opts.onlyIncrease) {
    await sql`
      insert into settings (key, value, updated_at) values (${MARKER_KEY}, ${value}, now())
      on conflict (key) do update set value = excluded.value, updated_at = now()
      where (settings.value->>'bulkCustomers')::bigint < (excluded.value->>'bulkCustomers')::bigint`;
    return;
  }
  await sql`
    insert into settings (key, value, updated_at) values (${MARKER_KEY}, ${value}, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}
