/**
 * Prints the figures of a results file as the Markdown tables of BENCHMARKS.md:
 * `npx tsx bench/tools/figures-table.ts [bench/results/bench.json]`.
 */
import { readFile } from 'node:fs/promises';
import type { SteadyLoadResult } from '../scenarios/steady-load';
import type { LatencySummary } from '../lib/stats';

const ms = (s: LatencySummary | undefined) => (s && Number.isFinite(s.p99) ? `${s.p50} / ${s.p95} / ${s.p99} / ${s.max}` : 'n/a');

async function main() {
  const r = JSON.parse(await readFile(process.argv[2] ?? 'bench/results/bench.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const out: string[] = [];
  out.push(`Run: \`${r.command}\`, ${r.at}, ${r.wallSeconds} s; ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${r.customers.toLocaleString('en')} customers × ${r.ordersPerCustomer} orders.`);
  out.push('');
  out.push('| scenario | load | webhook→pop p50 / p95 / p99 / max, ms | errors | notes | load avg (1 min) |');
  out.push('|---|---|---|---|---|---|');
  const row = (name: string, load: string, s: SteadyLoadResult, notes: string) =>
    out.push(`| ${name} | ${load} | ${ms(s.webhookToPopMs)} | ${s.errors} | ${notes}; ${s.queuedForAnAgent ?? '?'} of ${s.calls} calls waited for a free agent; offered at once: p99 ${s.offeredAtOnce?.webhookToPopMs.p99 ?? 'n/a'} ms (${s.offeredAtOnce?.calls ?? 0} calls); server CPU ${s.serverCpuPercent}% | ${s.loadAverage1m.before} → ${s.loadAverage1m.after} |`);
  if (r.relay?.relay) {
    const x = r.relay;
    out.push(`| bare relay, interleaved | ${x.rate} calls/s, ${x.rounds} × ${x.sliceSeconds} s | ${ms(x.relay)} | ${x.relay.errors} | server CPU ${x.relay.serverCpuPercent}% | ${x.slices.map((s: { loadAverage1m: number }) => s.loadAverage1m).join(', ')} |`);
    out.push(`| Switchboard, interleaved with it | ${x.rate} calls/s, ${x.rounds} × ${x.sliceSeconds} s | ${ms(x.switchboard)} | ${x.switchboard.errors} | p99 ratio ×${x.ratioP99} (p50 ×${x.ratioP50}, median of rounds ×${x.ratioP99MedianOfRounds}); server CPU ${x.switchboard.serverCpuPercent}% | |`);
  }
  for (const s of (r.steady ?? []) as SteadyLoadResult[]) row('steady, 20 agents', `${s.rate} calls/s × ${s.durationSeconds} s (${s.webhooksPerSecond} webhooks/s sent)`, s, `${s.unpopped} unpopped`);
  if (r.saturation?.steps) {
    for (const s of r.saturation.steps as SteadyLoadResult[]) row(`saturation step, ${r.saturation.agents} agents`, `${s.rate} calls/s × ${s.durationSeconds} s (${s.webhooksPerSecond} webhooks/s sent)`, s, `${s.unpopped} unpopped`);
  }
  if (r.sockets?.load) row(`+${r.sockets.connected.toLocaleString('en')} idle sockets`, `${r.sockets.load.rate} calls/s × ${r.sockets.load.durationSeconds} s`, r.sockets.load, `${r.sockets.kibPerSocket} KiB RSS per socket (${r.sockets.serverRssMiB.before} → ${r.sockets.serverRssMiB.connected} MiB, ${r.sockets.clientProcesses} client processes, connected in ${r.sockets.connectSeconds} s, ${r.sockets.failed} failed)`);
  if (r['two-processes']?.load) row('two processes (A webhooks, B agents)', `${r['two-processes'].load.rate} calls/s × ${r['two-processes'].load.durationSeconds} s`, r['two-processes'].load, 'CPU is both processes');
  out.push('');
  const timer = (name: string, x: any, a: string, b: string) => // eslint-disable-line @typescript-eslint/no-explicit-any
    x && !x.error ? out.push(`| ${name} | ${x.count} | ${ms(x[a])} | ${ms(x[b])} | ${x.received}/${x.count} | redis hz ${x.redis?.hz} | ${x.host?.loadAverage1m ?? x.machine?.loadAverage1m} |`) : out.push(`| ${name} | | ${x?.error ?? 'not run'} | | | | |`);
  out.push('| timers | count | server lateness p50 / p95 / p99 / max, ms | delivery lateness p50 / p95 / p99 / max, ms | delivered | | load avg |');
  out.push('|---|---|---|---|---|---|---|');
  timer('follow-ups due', r['followup-lateness'], 'offerLatenessMs', 'deliveryLatenessMs');
  timer('complaint escalations', r['escalation-lateness'], 'escalationLatenessMs', 'deliveryLatenessMs');
  out.push('');
  if (r.console) {
    out.push('| console in Chromium | calls | webhook → name painted p50 / p95 / p99 / max, ms | webhook → in the DOM, ms | failures | load avg |');
    out.push('|---|---|---|---|---|---|');
    out.push(r.console.error ? `| production build | | ${r.console.error} | | | |` : `| production build, 1 agent | ${r.console.calls} | ${ms(r.console.webhookToVisibleMs)} | ${ms(r.console.webhookToDomMs)} | ${r.console.failures} | ${r.console.loadAverage1m} |`);
  }
  console.log(out.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
