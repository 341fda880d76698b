/**
 * Numbers and times as the reader reads them: their language's digits and separators, the workspace's time zone.
 * Built once per session (Intl formatters are not cheap) and handed down through the session context.
 */
export interface Formats {
  count(n: number): string;
  /** A share from 0 to 1 as a percent ("83%"); an em dash when there is nothing to divide by. */
  share(s: number | null): string;
  /** A figure with one decimal ("16.7"). */
  decimal(n: number | null, digits?: number): string;
  /** Business minutes as hours and minutes ("3 h 05 min", "45 min"). */
  businessMinutes(m: number | null): string;
  /** An instant as a date in the workspace's zone ("Jan 19, 2026"). */
  date(iso: string): string;
  /** An instant as date and time in the workspace's zone. */
  dateTime(iso: string): string;
  money(n: number): string;
}

export function formatsFor(locale: string, timeZone: string): Formats {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (n: number | null, digits = 1) => {
    if (n === null) return '—';
    let f = decimals.get(digits);
    if (!f) decimals.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f.format(n);
  };
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    count: (n) => count.format(n),
    share: (s) => (s === null ? '—' : percent.format(s)),
    decimal,
    businessMinutes: (m) => {
      if (m === null) return '—';
      const whole = Math.round(m);
      const h = Math.floor(whole / 60);
      const min = whole % 60;
      return h === 0 ? `${min} min` : `${count.format(h)} h ${String(min).padStart(2, '0')} min`;
    },
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    money: (n) => money.format(n),
  };
}
