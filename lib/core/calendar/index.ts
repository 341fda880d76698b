// The work calendar's business-time arithmetic. holidays.ts is deliberately not re-exported: it pulls in the
// date-holidays tables, which only the server imports (from './calendar/holidays'), so the extension never bundles them.
export {
  type BusinessTimeOptions,
  type TimeSpan,
  NO_WORKING_TIME_HORIZON_DAYS,
  workingIntervals,
  workingIntervalsFrom,
} from './intervals';
export { addBusinessMinutes, businessMinutesBetween, isWorking, nextBusinessMoment } from './business-time';
