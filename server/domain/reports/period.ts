import { z } from 'zod';
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS, type ReportPeriod, type ReportPeriodQuery } from '../../../lib/core/model/reports';
import { validated } from '../../http/validate';

import { DAY_MS } from '../../../lib/core/time-units';

const Period = z
  .object({ from: z.number(), to: z.number() })
  .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['from'] })
  .refine((p) => p.to - p.from <= MAX_REPORT_DAYS * DAY_MS, { message: `a report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });

/**
 * The period a report covers: `to` defaults to now, `from` to DEFAULT_REPORT_DAYS before `to`. A period that ends before
 * it starts or spans more than MAX_REPORT_DAYS is a 400 naming the query field to fix.
 */
export function resolvePeriod(query: ReportPeriodQuery, now: Date): ReportPeriod {
  const to = query.to === undefined ? now.getTime() : Date.parse(query.to);
  const from = query.from === undefined ? to - DEFAULT_REPORT_DAYS * DAY_MS : Date.parse(query.from);
  validated(Period, { from, to }, 'query');
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: (to - from) / DAY_MS };
}
