import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

export interface ChartSeries {
  name: string;
  colour: string;
  dashed?: boolean;
  points: Array<{ x: number; y: number }>;
}

const W = 900;
const H = 520;
const M = { left: 70, right: 190, top: 50, bottom: 60 };

/** Log-scaled y (latency spans 1 ms to seconds), linear x. Plain SVG, no dependency. */
export function latencyChartSvg(title: string, xLabel: string, series: ChartSeries[], lines: Array<{ y: number; label: string }> = []): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).concat(lines.map((l) => l.y)).filter((y) => y > 0);
  const xMax = Math.max(...xs, 1) * 1.05;
  const yMin = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, Math.min(...ys)))));
  const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...ys, 10))));
  const px = (x: number) => M.left + (x / xMax) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - M.top - M.bottom);
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`, `<rect width="${W}" height="${H}" fill="white"/>`];
  out.push(`<text x="${W / 2 - M.right / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${title}</text>`);
  for (let d = yMin; d <= yMax; d *= 10) {
    for (const m of [1, 2, 5]) {
      const y = d * m;
      if (y > yMax) break;
      out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(y)}" y2="${py(y)}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${M.left - 6}" y="${py(y) + 4}" text-anchor="end">${y >= 1 ? y : y.toFixed(1)}</text>`);
    }
  }
  const step = Math.pow(10, Math.floor(Math.log10(xMax))) / (xMax / Math.pow(10, Math.floor(Math.log10(xMax))) < 3 ? 2 : 1);
  for (let x = 0; x <= xMax; x += step) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px(x)}" y="${H - M.bottom + 18}" text-anchor="middle">${x}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#333"/><line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 18}" text-anchor="middle">${xLabel}</text>`);
  out.push(`<text transform="translate(20 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">webhook → pop latency, ms (log scale)</text>`);
  for (const l of lines) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(l.y)}" y2="${py(l.y)}" stroke="#c00" stroke-dasharray="2 4"/>`);
    out.push(`<text x="${W - M.right - 4}" y="${py(l.y) - 4}" text-anchor="end" fill="#c00">${l.label}</text>`);
  }
  series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="6 4"' : ''} points="${pts.map((p) => `${px(p.x)},${py(p.y)}`).join(' ')}"/>`);
    for (const p of pts) out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3.5" fill="${s.colour}"/>`);
    const ly = M.top + 10 + i * 20;
    out.push(`<line x1="${W - M.right + 15}" x2="${W - M.right + 45}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="6 4"' : ''}/><text x="${W - M.right + 52}" y="${ly + 4}">${s.name}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Renders the SVG in headless Chromium (playwright-core + /usr/bin/chromium) and saves a PNG. */
export async function renderPng(svg: string, file: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H }, deviceScaleFactor: 2 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

export async function writeChart(svg: string, svgFile: string, pngFile: string): Promise<void> {
  await writeFile(svgFile, svg);
  await renderPng(svg, pngFile);
}
