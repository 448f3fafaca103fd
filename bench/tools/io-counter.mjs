/**
 * Preload (`node --import ./bench/tools/io-counter.mjs …`, plain JS so it loads before tsx):
 * counts socket writes by remote port — each is one request batch to PostgreSQL (5432) or Redis
 * (6379), i.e. one round trip on the wire. On SIGUSR2 the counts go to BENCH_IO_COUNT_FILE.
 * Machine-independent, so a change's effect shows even when the shared machine makes latency noisy.
 */
import net from 'node:net';
import { writeFileSync } from 'node:fs';

const counts = {};
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (...args) {
  const port = String(this.remotePort ?? 'unknown');
  counts[port] = (counts[port] ?? 0) + 1;
  return write.apply(this, args);
};
process.on('SIGUSR2', () => {
  if (process.env.BENCH_IO_COUNT_FILE) writeFileSync(process.env.BENCH_IO_COUNT_FILE, JSON.stringify(counts));
});
