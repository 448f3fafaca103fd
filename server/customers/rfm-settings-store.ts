import type postgres from 'postgres';
import type { z } from 'zod';
import { rfmConfigSchema, storedBreakpointsSchema, type RfmConfig, type StoredBreakpoints } from './value/rfm-config';

/** settings keys: the admin's tunables, and the cuts of the last full run (read by every per-order rescore). */
export const RFM_CONFIG_KEY = 'rfm-config';
export const RFM_BREAKPOINTS_KEY = 'rfm-breakpoints';

/** The stored config, defaults filled in; an unreadable value falls back to the defaults. */
export async function readRfmConfig(sql: postgres.Sql): Promise<RfmConfig> {
  const [row] = await sql<{ value: unknown }[]>`select value from settings where key = ${RFM_CONFIG_KEY}`;
  const parsed = rfmConfigSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : rfmConfigSchema.parse({});
}

export async function readBreakpoints(sql: postgres.Sql): Promise<StoredBreakpoints | null> {
  const [row] = await sql<{ value: unknown }[]>`select value from settings where key = ${RFM_BREAKPOINTS_KEY}`;
  const parsed = storedBreakpointsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

async function writeSetting(sql: postgres.Sql, key: string, value: unknown): Promise<void> {
  await sql`
    insert into settings (key, value, updated_at) values (${key}, ${sql.json(value as postgres.JSONValue)}, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}

export const writeBreakpoints = (sql: postgres.Sql, breakpoints: StoredBreakpoints) => writeSetting(sql, RFM_BREAKPOINTS_KEY, breakpoints);
export const writeRfmConfig = (sql: postgres.Sql, config: z.input<typeof rfmConfigSchema>) => writeSetting(sql, RFM_CONFIG_KEY, rfmConfigSchema.parse(config));
