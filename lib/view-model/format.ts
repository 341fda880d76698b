/**
 * Durations and times as a rep reads them at a glance. Business durations count working time only (the SLA clock), so
 * they are written in hours and minutes, never days (a business day's length depends on the calendar).
 */
import { dateTimeFormat } from '../core/intl-cache';

const SECONDS_PER_HOUR = 3600;

/**
 * A business duration, from (possibly fractional, possibly negative) minutes, by its size alone:
 * "2 h 30 m", "4 h"; under an hour "35 m" or, with `seconds`, "35 m 05 s"; under a minute "40 s" (with seconds) or
 * "under 1 m". Whole units only, rounded down, so a countdown never shows more time than is left.
 */
export function formatBusinessDuration(minutes: number, options: { seconds?: boolean } = {}): string {
  // A hair of slack: 149.99999999 minutes from float arithmetic is the 150 it stands for.
  const total = Math.floor(Math.abs(minutes) * 60 + 1e-6);
  const hours = Math.floor(total / SECONDS_PER_HOUR);
  const mins = Math.floor((total % SECONDS_PER_HOUR) / 60);
  const secs = total % 60;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} m` : `${hours} h`;
  if (options.seconds) {
    if (mins === 0) return `${secs} s`;
    return `${mins} m ${String(secs).padStart(2, '0')} s`;
  }
  return mins > 0 ? `${mins} m` : 'under 1 m';
}

/** A piece of a line: `whole` runs (a duration, a clock time) must not break across lines. */
export interface TextRun {
  text: string;
  whole: boolean;
}

// "2 h 30 m", "40 s", "25 m" (each number with its unit, several in a row), or a clock time "5:00 PM".
const WHOLE_RUNS = /\d+ [dhms](?: \d+ [dhms])*(?![\p{L}])|\d{1,2}:\d{2}[\s\u202f]?[AP]M/gu;

/**
 * A line split so a narrow panel never wraps "overdue by 25 / m": the durations and clock times in it are whole runs
 * (rendered nowrap), the words between them may wrap. The text of the runs joined is the line itself.
 */
export function keepTogether(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of line.matchAll(WHOLE_RUNS)) {
    if (m.index > last) runs.push({ text: line.slice(last, m.index), whole: false });
    runs.push({ text: m[0], whole: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last), whole: false });
  return runs;
}

/** The same calendar day in the zone the formatter uses. */
function sameDay(a: Date, b: Date, timeZone?: string): boolean {
  const f = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(a) === f.format(b);
}

export interface TimeFormatOptions {
  locale?: string;
  /** Defaults to the browser's zone: the rep reads times as their own clock shows them. */
  timeZone?: string;
}

/**
 * A moment near `now` in the rep's own time: "2:30 PM" today, "Mon 12:30 PM" within a week either way,
 * "Jan 20, 12:30 PM" further off.
 */
export function formatMoment(at: Date, now: Date, options: TimeFormatOptions = {}): string {
  const { locale, timeZone } = options;
  const time = { hour: 'numeric', minute: '2-digit', timeZone } as const;
  if (sameDay(at, now, timeZone)) return dateTimeFormat(locale, time).format(at);
  const weekMs = 6 * 24 * SECONDS_PER_HOUR * 1000;
  if (Math.abs(at.getTime() - now.getTime()) < weekMs) {
    return dateTimeFormat(locale, { weekday: 'short', ...time }).format(at);
  }
  const sameYear = dateTimeFormat('en', { year: 'numeric', timeZone }).format(at) === dateTimeFormat('en', { year: 'numeric', timeZone }).format(now);
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), ...time }).format(at);
}

/** A full date and time, for titles: "Monday, January 19, 2026 at 12:30 PM". */
export function formatFullMoment(at: Date, options: TimeFormatOptions = {}): string {
  return dateTimeFormat(options.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: options.timeZone }).format(at);
}

/** How long ago, in wall time: "just now", "12 min ago", "3 h ago", "2 days ago". */
export function formatAgo(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return days === 1 ? 'yesterday' : `${days} days ago`;
  const months = Math.floor(days / 30);
  return `${months} months ago`;
}

/** The path of a URL for a compact line ("/pricing"), or the URL when it cannot be read. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? u.host : `${u.pathname}${u.search}`;
    return path.length > 60 ? `${path.slice(0, 59)}…` : path;
  } catch {
    return url;
  }
}

/** A tel: URL for a phone number as a record writes it: only what dials (digits, *, #, a leading +); spaces, dots, dashes and brackets go. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d*#]/g, '');
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
