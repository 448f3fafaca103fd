import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A progress bar on a terminal; a line every 5 s when stdout is a file or a pipe. */
export function progressBar(total: number, enabled: boolean): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'customers |{bar}| {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
      noTTYOutput: !process.stdout.isTTY,
      notTTYSchedule: 5000,
      etaBuffer: 20,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let stopped = false;
  bar.start(total, 0, { rate: 0 });
  return {
    update(done) {
      bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop() {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
