const COLOURS = ['#4f46e5', '#f59e0b', '#e11d48', '#0ea5e9', '#10b981'];

/** Grouped SVG bars, one group per row; no chart library needed for counts per day or month. */
export function BarChart({ rows, label, series, title }: { rows: Array<Record<string, unknown>>; label: string; series: string[]; title: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => Number(r[s] ?? 0))));
  const groupWidth = Math.max(8, Math.min(40, 720 / Math.max(1, rows.length)));
  const barWidth = Math.max(2, (groupWidth - 2) / series.length);
  const height = 160;
  const width = rows.length * groupWidth;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${Math.max(width, 1)} ${height + 14}`} className="h-48 w-full" preserveAspectRatio="none">
      {rows.map((r, i) =>
        series.map((s, j) => {
          const v = Number(r[s] ?? 0);
          const h = (v / max) * height;
          return (
            <rect key={`${i}-${s}`} x={i * groupWidth + j * barWidth} y={height - h} width={barWidth - 0.5} height={h} fill={COLOURS[j % COLOURS.length]}>
              <title>{`${String(r[label])} ${s}: ${v}`}</title>
            </rect>
          );
        }),
      )}
      <line x1={0} x2={width} y1={height} y2={height} stroke="#cbd5e1" />
    </svg>
  );
}

export const seriesColour = (i: number) => COLOURS[i % COLOURS.length];
