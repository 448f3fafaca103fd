import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the console with `next build` when there is no build yet (`.next/BUILD_ID`). Returns
 * false when the project has no console sources (no app/ or pages/): the demo then serves the API.
 */
export async function ensureConsoleBuild(projectRoot: string, log: (line: string) => void): Promise<boolean> {
  if (existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) return true;
  if (!['app', 'pages', 'src/app'].some((d) => existsSync(path.join(projectRoot, d)))) {
    log('console: no app/ directory yet, serving the API only');
    return false;
  }
  log('console: building it once with `next build` (takes a minute or two)…');
  const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); fix the build or run \`npm run build\` to see why`);
  return true;
}
