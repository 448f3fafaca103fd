import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;
/** A database handle or an open transaction: queries take either as their first argument. */
export type Tx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  /** drizzle, for everything but the hottest paths. */
  db: Database;
  /**
   * Raw postgres.js for the webhook→pop hot path (prepared statements, one round trip per pop).
   * A pool of its own: drizzle replaces its client's date serializers, which raw queries rely on.
   */
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function createDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const common = { max: options.max ?? 10, onnotice: () => {}, connection: { application_name: 'switchboard' } };
  const drizzleClient = postgres(url, common);
  const sql = postgres(url, common);
  const db = drizzle(drizzleClient, { schema });
  return {
    db,
    sql,
    close: async () => {
      await Promise.all([drizzleClient.end({ timeout: 5 }), sql.end({ timeout: 5 })]);
    },
  };
}

export { schema };
