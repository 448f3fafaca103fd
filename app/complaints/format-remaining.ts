const UNITS = [
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * "1h 5m", "4m 12s", "12s" (and 1小时5分钟 in Chinese): the two largest units of a span, in the
 * locale's narrow unit style. Runs in the browser only (Intl of the viewer's locale).
 */
export function formatRemaining(ms: number, locale: string): string {
  let seconds = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const value = Math.floor(seconds / size);
    if (value === 0 && !(unit === 'second' && parts.length === 0)) continue;
    seconds -= value * size;
    parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(value));
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
