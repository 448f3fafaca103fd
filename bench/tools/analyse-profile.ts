/**
 * A quick .cpuprofile reader: `npx tsx bench/tools/analyse-profile.ts bench/profiles/<file> [--top 30]`.
 * Prints self time by function and by package (node_modules/<pkg>, our own folders, node internals),
 * and with `--callers <name>` the stacks above a function's self time;
 * which is enough to see where the hot path spends its CPU without opening DevTools.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function bucket(url: string): string {
  if (!url) return '(native/idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const m = /\/work\/[^/]+\/(.+)$/.exec(url.replace('file://', ''));
  return m ? m[1]!.split('/').slice(0, 2).join('/') : url;
}

export async function analyseProfile(file: string, top = 30): Promise<string> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    const isIdle = name === '(idle)' || name === '(program)' || name === '(garbage collector)';
    const key = isIdle ? name : `${name} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const b = isIdle ? name : bucket(n.callFrame.url);
    pkg.set(b, (pkg.get(b) ?? 0) + us);
  }
  const fmt = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  return `${file}: ${(total / 1e6).toFixed(1)} s sampled\n-- by package/folder\n${fmt(pkg, 25)}\n-- by function (self)\n${fmt(fn, top)}\n`;
}

/** Who calls the functions matching `match` (name or file): the stacks above their self time. */
export async function callersOf(file: string, match: string, depth = 8, top = 12): Promise<string> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const stacks = new Map<string, number>();
  let total = 0;
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    if (!label(n).includes(match)) continue;
    total += us;
    const frames: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && frames.length < depth; cur = parent.get(cur)) frames.push(label(byId.get(cur)!));
    const key = frames.join('\n      ← ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  const rows = [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return `${match}: ${(total / 1000).toFixed(0)} ms self\n${rows.join('\n')}`;
}

const argv = process.argv.slice(2);
if (argv[0]) {
  const topIdx = argv.indexOf('--top');
  const callersIdx = argv.indexOf('--callers');
  const run = callersIdx >= 0 ? callersOf(argv[0], argv[callersIdx + 1]!, 10) : analyseProfile(argv[0], topIdx >= 0 ? Number(argv[topIdx + 1]) : 30);
  run.then((s) => console.log(s), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
