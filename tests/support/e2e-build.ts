import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD_ID = path.join(root, '.next', 'BUILD_ID');
/** Besides app/, what changes the console's build output. */
const BUILD_INPUTS = ['next.config.ts', 'postcss.config.mjs', 'package-lock.json'];

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = await stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

async function mtimeOr(file: string, fallback: number): Promise<number> {
  return stat(file).then((s) => s.mtimeMs, () => fallback);
}

/** Why a build is needed, or null when .next is newer than every input. */
async function staleReason(): Promise<string | null> {
  const built = await mtimeOr(BUILD_ID, 0);
  if (!built) return 'no build yet';
  const inputs = [await newestMtime(path.join(root, 'app')), ...(await Promise.all(BUILD_INPUTS.map((f) => mtimeOr(path.join(root, f), 0))))];
  return Math.max(...inputs) > built ? 'sources changed since the last build' : null;
}

function runNextBuild(): Promise<void> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete (env as Record<string, string | undefined>).NODE_ENV; // vitest's NODE_ENV=test would leak into the production build
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output}`))));
  });
}

/**
 * vitest globalSetup of the e2e project: the browser tests run against the production build, so
 * build it once per run — and not at all when .next/BUILD_ID is newer than every source file.
 */
export default async function setup(): Promise<void> {
  const reason = await staleReason();
  if (!reason) return;
  const started = Date.now();
  console.warn(`[e2e] next build (${reason})…`);
  await runNextBuild();
  console.warn(`[e2e] next build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
