import type postgres from 'postgres';

/**
 * An opaque "older than this" cursor for lists sorted newest first on (timestamp, id). The time is
 * kept to the microsecond, as PostgreSQL stores it: a JS Date's milliseconds would skip rows that
 * share the millisecond of a page's last row.
 */
export interface KeysetCursor {
  /** ISO 8601 with microseconds (UTC). */
  at: string;
  id: string;
}

const MICRO_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): KeysetCursor | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && MICRO_ISO.test(at) && !Number.isNaN(new Date(at).getTime()) && id && UUID.test(id) ? { at, id } : null;
}

/** SQL for `column` as the cursor's text (select it alongside the row). */
export const cursorKey = (sql: postgres.Sql, column: string) => sql.unsafe(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * `and (column, id) < cursor`, or nothing on the first page. The time goes as text and is cast in
 * SQL: a parameter typed timestamptz would pass through a JS Date and lose its microseconds.
 */
export const olderThan = (sql: postgres.Sql, cursor: KeysetCursor | null, column: string, idColumn: string) =>
  cursor ? sql`and (${sql.unsafe(column)}, ${sql.unsafe(idColumn)}) < (${cursor.at}::text::timestamptz, ${cursor.id}::uuid)` : sql``;
