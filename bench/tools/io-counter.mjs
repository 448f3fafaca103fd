/**
 * Preload (`node --import ./bench/tools/io-counter.mjs …`, plain JS so it loads before tsx):
 * counts socket writes by remote port — each is one request batch to PostgreSQL (5432) or Redis
 * (6379), i.e. one round trip on the wire — and, by statement, what each write asked for (the
 * SQL of the statement a Bind names, the Redis command). On SIGUSR2 the counts go to
 * BENCH_IO_COUNT_FILE. Machine-independent, so a change's effect shows even when the shared
 * machine makes latency noisy.
 */
import net from 'node:net';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';

const counts = {};
const detail = {};
const statements = new Map(); // prepared statement name → SQL
const cstring = (buf, at) => {
  const end = buf.indexOf(0, at);
  return [buf.toString('utf8', at, end), end + 1];
};
const squash = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);

function describePg(buf) {
  let at = 0;
  let first = null;
  while (at + 5 <= buf.length) {
    const type = String.fromCharCode(buf[at]);
    const len = buf.readInt32BE(at + 1);
    if (type === 'P') {
      const [name, next] = cstring(buf, at + 5);
      const [sql] = cstring(buf, next);
      if (name) statements.set(name, sql);
      first ??= squash(sql);
    } else if (type === 'B') {
      const [, next] = cstring(buf, at + 5);
      const [name] = cstring(buf, next);
      first ??= squash(statements.get(name) ?? `(unnamed ${name})`);
    } else if (type === 'Q') {
      first ??= squash(cstring(buf, at + 5)[0]);
    }
    at += 1 + len;
  }
  return first ?? '(other)';
}

function describeRedis(buf) {
  const s = buf.toString('latin1', 0, Math.min(buf.length, 200));
  const m = /^\*\d+\r\n\$\d+\r\n([^\r]+)/.exec(s);
  const cmds = (s.match(/\r\n\$\d+\r\n(MULTI|EXEC)\r\n/gi) ?? []).length;
  return m ? `${m[1].toUpperCase()}${cmds ? ' (multi)' : ''}` : '(other)';
}

const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (chunk, ...rest) {
  const port = String(this.remotePort ?? 'unknown');
  counts[port] = (counts[port] ?? 0) + 1;
  if (process.env.BENCH_IO_DETAIL && Buffer.isBuffer(chunk) && (port === '5432' || port === '6379')) {
    try {
      const key = `${port} ${port === '5432' ? describePg(chunk) : describeRedis(chunk)}`;
      detail[key] = (detail[key] ?? 0) + 1;
    } catch {
      // not a whole message: counted, not described
    }
  } else if (process.env.BENCH_IO_DETAIL && typeof chunk === 'string' && port === '6379') {
    const key = `6379 ${describeRedis(Buffer.from(chunk, 'latin1'))}`;
    detail[key] = (detail[key] ?? 0) + 1;
  }
  return write.call(this, chunk, ...rest);
};
process.on('SIGUSR2', () => {
  if (process.env.BENCH_IO_COUNT_FILE) writeFileSync(process.env.BENCH_IO_COUNT_FILE, JSON.stringify({ ...counts, detail }));
});
