import { dateTimeFormat } from '../intl-cache';
import { z } from 'zod';

/** An id made by whoever created the row (server or client): short, printable, no spaces. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may hold only letters, digits, "_" and "-"');

const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(10000, 0, 1);
const inInstantRange = (t: number) => Number.isNaN(t) || (t >= EARLIEST_INSTANT && t < LATEST_INSTANT);

/** An instant on the wire and in storage: ISO 8601 with an offset ("2026-03-06T16:30:00Z"). */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-06T16:30:00Z' })
  // Nothing Leadside records happened before 1970, and PostgreSQL has no year 0. (Text that is no date-time at all has
  // its issue from the format already.)
  .refine((s) => inInstantRange(Date.parse(s)), 'must be a date-time from 1970 to 9999');
export type Instant = z.infer<typeof Instant>;

/** A calendar date without a time: "2026-12-25". */
export const DateOnly = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be an email address' }));

/** A short machine name: lower-case letters, digits and "_" (lead types, sources, topics). */
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and "_", starting with a letter (max 40)');

export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters');

/** A row version from the server's monotonic sequence; 0 for a row only the client has seen. */
export const Version = z.number().int().nonnegative();

/** An IANA time zone name the runtime knows ("Europe/London"). */
export const TimeZone = z.string().refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Europe/London' });

function isKnownTimeZone(zone: string): boolean {
  try {
    dateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The `next` of an earlier page, handed back as `before`: opaque to the client. */
export const PageCursor = z.string().regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be the `next` cursor of an earlier page');

/** A page size from the query string, 1..max. */
export function pageLimit(max: number, fallback: number) {
  return z.coerce
    .number()
    .int()
    .min(1, 'limit must be at least 1')
    .max(max, `limit must be at most ${max}`)
    .default(fallback);
}
