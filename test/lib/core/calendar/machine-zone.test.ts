import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Node reads TZ once at start, so changing process.env.TZ inside a test proves nothing. Instead, key cases run in a
// fresh Node process whose machine zone is Pacific/Auckland (+13:00 in February, far from every calendar zone here),
// and must give the same hand-checked instants as under UTC.
const calendarModule = pathToFileURL(fileURLToPath(new URL('../../../../lib/core/calendar/index.ts', import.meta.url))).href;

const script = `
const { addBusinessMinutes, businessMinutesBetween, isWorking, nextBusinessMoment } = await import(${JSON.stringify(calendarModule)});
// Plain calendar objects: importing the zod model would only slow the child's start.
const nineToFive = [{ start: '09:00', end: '17:00' }];
const standardCalendar = (timeZone) => ({
  timeZone, holidays: [],
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
});
const ny = standardCalendar('America/New_York');
const tokyo = standardCalendar('Asia/Tokyo');
const sydney = standardCalendar('Australia/Sydney');
console.log(JSON.stringify({
  machineOffset: new Date('2026-02-09T00:00:00Z').getTimezoneOffset(),
  nyFridayPlus240: addBusinessMinutes(ny, new Date('2026-02-06T21:30:00Z'), 240).toISOString(),
  nyAcrossSpringForward: addBusinessMinutes(ny, new Date('2026-03-06T21:30:00Z'), 240).toISOString(),
  nyWeek: businessMinutesBetween(ny, new Date('2026-02-09T05:00:00Z'), new Date('2026-02-14T05:00:00Z')),
  tokyoMondayMorningUtcSunday: isWorking(tokyo, new Date('2026-02-08T23:30:00Z')),
  tokyoNext: nextBusinessMoment(tokyo, new Date('2026-02-08T23:30:00Z')).toISOString(),
  sydneyFridayPlus240: addBusinessMinutes(sydney, new Date('2026-02-13T05:30:00Z'), 240).toISOString(),
}));
`;

describe('results do not depend on the machine zone', () => {
  it('key cases give the same instants in a process running in Pacific/Auckland', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      env: { ...process.env, TZ: 'Pacific/Auckland' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(JSON.parse(output)).toEqual({
      machineOffset: -780, // NZDT, +13:00: the child really ran in Auckland
      nyFridayPlus240: '2026-02-09T17:30:00.000Z',
      nyAcrossSpringForward: '2026-03-09T16:30:00.000Z',
      nyWeek: 2400,
      tokyoMondayMorningUtcSunday: false,
      tokyoNext: '2026-02-09T00:00:00.000Z',
      sydneyFridayPlus240: '2026-02-16T01:30:00.000Z',
    });
  }, 15_000); // usually ~1 s (Node + tsx start-up); generous for a loaded CI machine
});
