import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchServer {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `bench/server-entry.ts` (or another entry) with the given env; resolves once it listens. */
export async function spawnServer(env: Record<string, string>, opts: { entry?: string; nodeArgs?: string[] } = {}): Promise<BenchServer> {
  const entry = opts.entry ?? 'bench/server-entry.ts';
  // BENCH_CPU_PROF profiles every server a scenario starts (bench/profiles/), also scenarios run on their own.
  const nodeArgs = [...(opts.nodeArgs ?? [])];
  if (process.env.BENCH_CPU_PROF && !nodeArgs.includes('--cpu-prof')) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.join(root, 'bench/profiles')}`);
  // Extra flags for every server, e.g. BENCH_SERVER_NODE_ARGS="--import ./my-probe.mjs".
  if (process.env.BENCH_SERVER_NODE_ARGS) nodeArgs.push(...process.env.BENCH_SERVER_NODE_ARGS.split(' ').filter(Boolean));
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { benchServerUrl?: string };
        if (msg.benchServerUrl) {
          clearTimeout(timer);
          resolve(msg.benchServerUrl);
        }
      } catch {
        // a log line
      }
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
