import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type postgres from 'postgres';

/**
 * COPY … FROM STDIN in PostgreSQL's text format, column names and value encodings taken from the
 * drizzle table, so the bulk path cannot drift from the schema. Rows are encoded lazily while the
 * server reads: pipeline() applies the socket's backpressure, so memory stays at one batch.
 */
type Encode = (v: unknown) => string;

// Text format: backslash, tab, newline and carriage return are the only characters to escape.
const SPECIAL = /[\\\t\n\r]/;
const escapeText = (s: string) =>
  SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;

const arrayLiteral = (items: unknown[]) => `{${items.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

function encoderFor(columnType: string): Encode {
  switch (columnType) {
    case 'PgArray':
      return (v) => escapeText(arrayLiteral(v as unknown[]));
    case 'PgJsonb':
    case 'PgJson':
      return (v) => escapeText(JSON.stringify(v));
    case 'PgTimestamp':
    case 'PgTimestampString':
      return (v) => (v instanceof Date ? v.toISOString() : String(v));
    case 'PgBoolean':
      return (v) => (v ? 't' : 'f');
    default:
      return (v) => escapeText(String(v));
  }
}

export interface CopySpec<T extends Table> {
  statement: string;
  encode(row: T['$inferInsert']): string;
}

export function copySpec<T extends Table>(table: T, keys: ReadonlyArray<keyof T['$inferInsert'] & string>): CopySpec<T> {
  const columns = getTableColumns(table) as Record<string, { name: string; columnType: string }>;
  const cols = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return { key: k, name: column.name, encode: encoderFor(column.columnType) };
  });
  return {
    statement: `copy "${getTableName(table)}" (${cols.map((c) => `"${c.name}"`).join(', ')}) from stdin`,
    encode(row) {
      let line = '';
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i]!;
        const v = (row as Record<string, unknown>)[c.key];
        if (i) line += '\t';
        line += v === null || v === undefined ? '\\N' : c.encode(v);
      }
      return `${line}\n`;
    },
  };
}

const CHUNK = 256 * 1024; // one socket write per ~256 KB instead of one per row

function* chunks(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * Streams already-encoded COPY text (pieces are produced lazily, as the socket drains) into
 * `statement`; resolves when the server has accepted it (committed with the caller's transaction).
 */
export async function copyText(sql: postgres.TransactionSql | postgres.Sql, statement: string, pieces: Iterable<string>): Promise<void> {
  const writable = await sql.unsafe(statement).writable();
  await pipeline(Readable.from(chunks(pieces), { objectMode: false }), writable);
}
