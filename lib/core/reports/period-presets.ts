import { TZDate } from '@date-fns/tz';

/** The periods the dashboard offers; a report's `to` is always now (the server's default). */
export const PERIOD_PRESETS = ['this_week', 'last_30_days', 'this_quarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_week: 'This week',
  last_30_days: 'Last 30 days',
  this_quarter: 'This quarter',
};

/**
 * Where a preset period starts, in the workspace's zone: this week from Monday 00:00 (the report's weeks start on
 * Monday too), this quarter from the 1st of its first month. `undefined` for the last 30 days: the server's default.
 */
export function presetFrom(preset: PeriodPreset, now: Date, timeZone: string): string | undefined {
  if (preset === 'last_30_days') return undefined;
  const local = new TZDate(now.getTime(), timeZone);
  if (preset === 'this_week') local.setDate(local.getDate() - ((local.getDay() + 6) % 7));
  else local.setMonth(Math.floor(local.getMonth() / 3) * 3, 1);
  local.setHours(0, 0, 0, 0);
  return new Date(local.getTime()).toISOString();
}
