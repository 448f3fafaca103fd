import { createDatabase } from '../db/client';
import { recomputeAllValues } from '../server/customers/recompute-all-values';
import type { AppContext } from '../server/context';
const database = createDatabase('postgres://postgres@127.0.0.1:5432/sb_bench_search_1000000', { max: 4 });
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const ctx = { database, db: database.db, logger: { info: () => {}, warn: () => {}, error: () => {} } } as unknown as AppContext;
for (const label of ['first run', 'second run (nothing changed)']) {
  const r = await recomputeAllValues(ctx, new Date('2026-12-02T00:00:00Z'));
  console.log(label, JSON.stringify({ population: r.population, changed: r.changed, segmentChanges: r.segmentChanges, cleared: r.cleared, seconds: r.elapsedMs / 1000, peakRssMb: Math.round(peak / 1048576) }));
}
clearInterval(sampler);
await database.close();
