import { useState } from 'react';
import { WEEKDAYS, type WorkCalendar, type WorkRange, type Weekday } from '../../../lib/core/model/calendar';
import { Group, LinesField, TextField } from './controls';
import { linesOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

interface CalendarDraft {
  timeZone: string;
  week: Record<Weekday, WorkRange[]>;
  holidayCountry: string;
  holidays: string;
}

const draftOf = (c: WorkCalendar): CalendarDraft => ({ timeZone: c.timeZone, week: c.week, holidayCountry: c.holidayCountry ?? '', holidays: c.holidays.join('\n') });

function calendarOf(d: CalendarDraft) {
  const country = d.holidayCountry.trim().toUpperCase();
  return { timeZone: d.timeZone.trim(), week: d.week, holidays: linesOf(d.holidays), ...(country ? { holidayCountry: country } : {}) };
}

/** The work calendar business time runs on: the zone, each day's working ranges, and the days the clock skips. */
export function CalendarPart({ value, editable, owners, save }: PartProps<'calendar'>) {
  const [draft, setDraft] = useState(() => draftOf(value));
  const setDay = (day: Weekday, ranges: WorkRange[]) => setDraft({ ...draft, week: { ...draft.week, [day]: ranges } });
  return (
    <PartForm
      part="calendar"
      title="Work calendar"
      description="SLA deadlines and cadence steps count business hours on this calendar."
      editable={editable}
      owners={owners}
      save={() => save(calendarOf(draft))}
      onSaved={(v) => setDraft(draftOf(v))}
    >
      <TextField path="calendar.timeZone" label="Time zone" hint="an IANA zone such as Europe/London" value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} />
      <div className="settings-week">
        {WEEKDAYS.map((day) => (
          <DayHours key={day} day={day} ranges={draft.week[day]} onChange={(r) => setDay(day, r)} />
        ))}
      </div>
      <TextField
        path="calendar.holidayCountry"
        label="Public holidays of"
        hint="a country code such as US or GB-SCT; empty for none. Its holidays this year and next are added to the dates below on save."
        value={draft.holidayCountry}
        onChange={(holidayCountry) => setDraft({ ...draft, holidayCountry })}
      />
      <LinesField path="calendar.holidays" label="Days off" hint="one date a line as YYYY-MM-DD: the workspace’s own dates and the country’s" rows={6} value={draft.holidays} onChange={(holidays) => setDraft({ ...draft, holidays })} />
    </PartForm>
  );
}

function DayHours({ day, ranges, onChange }: { day: Weekday; ranges: WorkRange[]; onChange: (ranges: WorkRange[]) => void }) {
  const name = DAY_NAMES[day];
  const set = (i: number, r: WorkRange) => onChange(ranges.map((x, j) => (j === i ? r : x)));
  return (
    <Group legend={name}>
      {ranges.length === 0 ? <p className="muted small-note">Not a working day.</p> : null}
      {ranges.map((r, i) => (
        <div className="settings-row" key={i}>
          <TextField path={`calendar.week.${day}.${i}.start`} label={`${name} range ${i + 1} from`} hint="HH:MM" value={r.start} onChange={(start) => set(i, { ...r, start })} />
          <TextField path={`calendar.week.${day}.${i}.end`} label={`${name} range ${i + 1} to`} hint="HH:MM; 24:00 is midnight" value={r.end} onChange={(end) => set(i, { ...r, end })} />
          <button type="button" onClick={() => onChange(ranges.filter((_, j) => j !== i))} aria-label={`Remove ${name} range ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...ranges, nextRange(ranges)])} aria-label={`Add a range on ${name}`}>
        Add a range
      </button>
    </Group>
  );
}

/** A new range after the day's last one (a lunch break splits a day in two), or the usual morning start. */
function nextRange(ranges: readonly WorkRange[]): WorkRange {
  const last = ranges.at(-1);
  return last ? { start: last.end, end: last.end < '23:00' ? `${String(Number(last.end.slice(0, 2)) + 1).padStart(2, '0')}${last.end.slice(2)}` : '24:00' } : { start: '09:00', end: '17:00' };
}
