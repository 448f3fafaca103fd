import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('migrate'); // migrated once already
});
afterAll(async () => {
  await db?.drop();
});

describe('npm run db:migrate', () => {
  it('is safe to run twice: the second run applies nothing and changes nothing', async () => {
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const tables = async () => (await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map((r) => r.table_name as string);
      const applied = async () => Number((await sql`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]!.n);
      const before = { tables: await tables(), applied: await applied() };
      expect(before.tables).toEqual(expect.arrayContaining(['users', 'customers', 'customer_phones', 'orders', 'calls', 'provider_events', 'follow_ups', 'complaints', 'complaint_events', 'escalation_policies', 'escalation_levels', 'audit_log']));
      await migrateDatabase(db.url);
      await migrateDatabase(db.url);
      expect({ tables: await tables(), applied: await applied() }).toEqual(before);
    } finally {
      await sql.end();
    }
  });
});
