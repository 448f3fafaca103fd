import { seedDatabase } from './seed-database';
const t = performance.now();
const r = await seedDatabase(process.env.DATABASE_URL!, { customers: Number(process.argv[2]), progress: false, batchSize: Number(process.argv[3] ?? 5000), concurrency: Number(process.argv[4] ?? 2) });
console.log('total', ((performance.now() - t) / 1000).toFixed(1), r.rowsAdded);
