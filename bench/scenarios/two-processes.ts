import { startAgents } from '../lib/agents';
import { spawnServer } from '../lib/spawn-server';
import { steadyLoad, type SteadyLoadResult } from './steady-load';

export interface TwoProcessesResult {
  note: string;
  agents: number;
  load: SteadyLoadResult;
}

/**
 * Two server processes on one database and one REDIS_PREFIX (the Redis Streams adapter between
 * them): every webhook goes to process A, every agent socket is on process B, so each pop crosses
 * Redis (A routes and emits, B's adapter reads the stream and delivers).
 */
export async function twoProcesses(env: Record<string, string>, databaseUrl: string, callers: string[], opts: { agents: number; rate: number; durationSeconds: number; warmSeconds?: number; drainSeconds?: number }): Promise<TwoProcessesResult> {
  const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  try {
    const agents = await startAgents(b.url, databaseUrl, opts.agents);
    try {
      await steadyLoad(a.url, agents, callers, 50, opts.warmSeconds ?? 4, { drainSeconds: 5 }); // warm-up, not measured
      const load = await steadyLoad(a.url, agents, callers, opts.rate, opts.durationSeconds, { serverPids: [a.pid, b.pid], drainSeconds: opts.drainSeconds ?? 15 });
      console.log(`    A→B at ${opts.rate} calls/s: p50 ${load.webhookToPopMs.p50} p99 ${load.webhookToPopMs.p99} max ${load.webhookToPopMs.max} ms, ${load.errors} errors, ${load.unpopped} unpopped, cpu ${load.serverCpuPercent}% (both)`);
      return { note: 'webhooks → process A, agents on process B, same database and REDIS_PREFIX', agents: opts.agents, load };
    } finally {
      await agents.close();
    }
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
