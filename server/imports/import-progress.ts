import type postgres from 'postgres';
import type { Redis } from 'ioredis';

export interface ImportStatus {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  fileName: string | null;
  processedRows: number;
  failedRows: number;
  totalBytes: number | null;
  bytesRead: number;
  createdAt: string;
  finishedAt: string | null;
}

// Bytes read live in Redis (the imports table has no column for them; any server process can
// answer the progress poll). A day is far longer than any import.
const BYTES_TTL_SECONDS = 24 * 3600;
const bytesKey = (prefix: string, id: string) => `${prefix}:import:${id}:bytes`;

export async function recordBytesRead(redis: Redis, prefix: string, id: string, bytes: number): Promise<void> {
  await redis.set(bytesKey(prefix, id), String(bytes), 'EX', BYTES_TTL_SECONDS);
}

interface ImportRow {
  id: string;
  kind: string;
  status: ImportStatus['status'];
  file_name: string | null;
  processed_rows: number;
  failed_rows: number;
  total_bytes: number | null;
  created_at: Date;
  finished_at: Date | null;
}

async function withBytes(redis: Redis, prefix: string, row: ImportRow): Promise<ImportStatus> {
  const live = await redis.get(bytesKey(prefix, row.id)).catch(() => null);
  const bytesRead = live !== null ? Number(live) : row.status === 'done' ? (row.total_bytes ?? 0) : 0;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    processedRows: row.processed_rows,
    failedRows: row.failed_rows,
    totalBytes: row.total_bytes,
    bytesRead,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function getImportStatus(sql: postgres.Sql, redis: Redis, prefix: string, id: string): Promise<ImportStatus | null> {
  const [row] = await sql<ImportRow[]>`select id, kind, status, file_name, processed_rows, failed_rows, total_bytes, created_at, finished_at from imports where id = ${id}`;
  return row ? withBytes(redis, prefix, row) : null;
}

export async function listImports(sql: postgres.Sql, redis: Redis, prefix: string, limit = 20): Promise<ImportStatus[]> {
  const rows = await sql<ImportRow[]>`select id, kind, status, file_name, processed_rows, failed_rows, total_bytes, created_at, finished_at from imports order by created_at desc limit ${limit}`;
  return Promise.all(rows.map((r) => withBytes(redis, prefix, r)));
}
