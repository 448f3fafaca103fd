const COLOURS = ['#4f46e5', '#f59e0b', '#e11d48', '#0ea5e9', '#10b981'];

interface BarChartProps {
  rows: Array<Record<string, unknown>>;
  /** The column naming each row (day or month), shown under the first and last group. */
  label: string;
  series: string[];
  /** How a series is called in the tooltip (the translated column name). */
  seriesLabel: (series: string) => string;
  title: string;
}

/**
 * Grouped SVG bars, one group per row, with the top value on the left and the first and last day
 * (or month) underneath; no chart library needed for counts per day or month.
 */
export function BarChart({ rows, label, series, seriesLabel, title }: BarChartProps) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => Number(r[s] ?? 0))));
  const groupWidth = Math.max(8, Math.min(40, 720 / Math.max(1, rows.length)));
  const barWidth = Math.max(2, (groupWidth - 2) / series.length);
  const height = 160;
  const width = rows.length * groupWidth;
  const first = rows[0]?.[label];
  const last = rows.at(-1)?.[label];
  return (
    <figure className="space-y-1">
      <div className="flex gap-2">
        <div className="flex h-48 flex-col justify-between text-right text-[10px] tabular-nums text-slate-500" aria-hidden>
          <span>{formatTick(max)}</span>
          <span>0</span>
        </div>
        <svg role="img" aria-label={title} viewBox={`0 0 ${Math.max(width, 1)} ${height + 2}`} className="h-48 w-full" preserveAspectRatio="none">
          {rows.map((r, i) =>
            series.map((s, j) => {
              const v = Number(r[s] ?? 0);
              const h = (v / max) * height;
              return (
                <rect key={`${i}-${s}`} x={i * groupWidth + j * barWidth} y={height - h} width={barWidth - 0.5} height={h} fill={COLOURS[j % COLOURS.length]}>
                  <title>{`${String(r[label])} · ${seriesLabel(s)}: ${formatTick(v)}`}</title>
                </rect>
              );
            }),
          )}
          <line x1={0} x2={width} y1={height} y2={height} stroke="#cbd5e1" />
        </svg>
      </div>
      {rows.length > 0 && (
        <figcaption className="flex justify-between pl-6 text-[10px] tabular-nums text-slate-500">
          <span>{String(first)}</span>
          {rows.length > 1 && <span>{String(last)}</span>}
        </figcaption>
      )}
    </figure>
  );
}

const formatTick = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export const seriesColour = (i: number) => COLOURS[i % COLOURS.length];
