import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './ports';

export interface DemoRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisMissingError extends Error {}

async function answersPing(url: string, timeoutMs = 1500): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await answersPing(url, 500)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not answer within ${timeoutMs / 1000} s`);
}

/**
 * REDIS_URL (default redis://127.0.0.1:6379) when it answers PING; otherwise a private
 * redis-server on a free port, in-memory only, with its working directory in the system temp
 * folder (never inside the project).
 */
export async function startDemoRedis(log: (line: string) => void): Promise<DemoRedis> {
  const given = process.env.REDIS_URL?.trim();
  const candidate = given || 'redis://127.0.0.1:6379';
  if (await answersPing(candidate)) {
    log(`Redis: ${given ? 'REDIS_URL' : 'local server'} (${new URL(candidate).host})`);
    return { url: candidate, stop: async () => {} };
  }
  if (given) log(`Redis: REDIS_URL (${new URL(given).host}) does not answer; starting a private redis-server instead`);

  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-demo-redis-'));
  // hz 100: delayed jobs fire ~12 ms late instead of ~100 ms. No persistence: the demo's
  // follow-up and escalation timers are re-created from PostgreSQL by the boot sweep.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--hz', '100', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', dir];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned) {
    rmSync(dir, { recursive: true, force: true });
    throw new RedisMissingError('Redis is not running and redis-server is not installed: install Redis (apt-get install redis-server), or set REDIS_URL');
  }
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  log(`Redis: private redis-server (pid ${child.pid}, port ${port})`);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
