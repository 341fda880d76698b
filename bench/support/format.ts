import type { Row } from './result';

const UNITS_WITH_THOUSANDS = new Set(['rows/s', 'events/s', 'req/s']);

export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (UNITS_WITH_THOUSANDS.has(unit)) return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (unit === 'B' || unit === 'events') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'ms') {
    if (value < 0.1) return `${(value * 1000).toFixed(1)} µs`;
    if (value >= 1000) return `${Math.round(value).toLocaleString('en-US')} ms`;
    return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  }
  return `${value.toPrecision(3)} ${unit}`;
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return ratio >= 100 ? `${Math.round(ratio)}×` : `${ratio.toPrecision(2)}×`;
}

export const formatMet = (met: boolean | null) => (met === null ? '' : met ? 'yes' : 'NO');

export function tableCells(row: Row): string[] {
  return [row.figure, row.measure, formatValue(row.value, row.unit), row.limit === null ? row.limitMeasure || '—' : `${formatValue(row.limit, row.unit)} (${row.limitMeasure})`, formatRatio(row.ratio), row.target, formatMet(row.met)];
}

export const HEADER = ['figure', 'measure', 'value', 'limit (same run)', 'ratio', 'target', 'met?'];

/** A plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const cells = [HEADER, ...rows.map(tableCells)];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
