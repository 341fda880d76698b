import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../../lib/core/intl-cache';
import { formatFullMoment, formatMoment } from '../../../lib/view-model/format';
import { formatCount } from '../../../lib/view-model/labels';

/** Counts `new Intl.DateTimeFormat` / `new Intl.NumberFormat` while it is installed. */
function countConstructions() {
  const counts = { date: 0, number: 0 };
  const RealDate = Intl.DateTimeFormat;
  const RealNumber = Intl.NumberFormat;
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    counts.date++;
    return new RealDate(...args);
  } as unknown as typeof Intl.DateTimeFormat);
  vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    counts.number++;
    return new RealNumber(...args);
  } as unknown as typeof Intl.NumberFormat);
  return counts;
}

afterEach(() => void vi.restoreAllMocks());

describe('Intl formatter cache', () => {
  it('hands back the same formatter for the same locale and options, whatever their key order', () => {
    const a = dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' });
    expect(dateTimeFormat('en-US', { timeZone: 'Europe/Berlin', minute: '2-digit', hour: 'numeric' })).toBe(a);
    expect(dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' })).not.toBe(a);
    expect(dateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' })).not.toBe(a);
    expect(numberFormat(undefined, { style: 'currency', currency: 'EUR' })).toBe(numberFormat(undefined, { currency: 'EUR', style: 'currency' }));
  });

  it('an undefined option is the absent one', () => {
    expect(dateTimeFormat('en', { year: 'numeric', timeZone: undefined })).toBe(dateTimeFormat('en', { year: 'numeric' }));
  });

  it('a timeline of 500 rows builds no formatter after the first rows', () => {
    const now = new Date('2026-03-10T15:00:00Z');
    const at = (i: number) => new Date(now.getTime() - i * 3_600_000 * 7);
    // The first pass may build each format once; a second render of the same rows builds none.
    for (let i = 0; i < 500; i++) {
      formatMoment(at(i), now);
      formatFullMoment(at(i));
    }
    formatCount(1240);
    const counts = countConstructions();
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) lines.push(formatMoment(at(i), now), formatFullMoment(at(i)));
    formatCount(1240);
    expect(counts).toEqual({ date: 0, number: 0 });
    // The cached formatters format as a fresh one would.
    expect(lines[0]).toBe(new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(now));
  });
});
