/**
 * `npm run bench -- [--quick] [--customers 1000000] [--orders-per-customer 10] [--rates 50,100,200]
 *   [--duration 60] [--agents 20] [--only relay,steady,saturation,sockets,two-processes,timers,console,search,queue-snapshot]
 *   [--skip …] [--sockets 10000] [--saturation-rates 100,200,…] [--console-calls 100]`.
 */
export interface BenchArgs {
  quick: boolean;
  customers: number;
  ordersPerCustomer: number;
  rates: number[];
  durationSeconds: number;
  agents: number;
  only: string[] | null;
  skip: string[];
  sockets: number;
  saturationRates: number[];
  consoleCalls: number;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    const next = argv[i + 1];
    if (v !== undefined) flags.set(k!, v);
    else if (next !== undefined && !next.startsWith('--')) flags.set(k!, argv[++i]!);
    else flags.set(k!, 'true');
  }
  const quick = flags.get('quick') === 'true';
  const num = (k: string, d: number) => (flags.has(k) ? Number(flags.get(k)) : d);
  return {
    quick,
    customers: num('customers', quick ? 20_000 : 1_000_000),
    ordersPerCustomer: num('orders-per-customer', quick ? 2 : 10),
    rates: (flags.get('rates') ?? (quick ? '100' : '50,100,200')).split(',').map(Number),
    durationSeconds: num('duration', quick ? 6 : 60),
    agents: num('agents', 20),
    only: flags.get('only')?.split(',') ?? null,
    skip: flags.get('skip')?.split(',') ?? [],
    sockets: num('sockets', quick ? 500 : 10_000),
    saturationRates: (flags.get('saturation-rates') ?? (quick ? '100' : '25,50,75,100,150,200,300,400,600,800')).split(',').map(Number),
    consoleCalls: num('console-calls', 100),
  };
}

/** `--name value` of a scenario run on its own (`npx tsx bench/scenarios/x.ts --name value`). */
export function flag(name: string, argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}
