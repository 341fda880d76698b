import { eq } from 'drizzle-orm';
import { SETTINGS_SECTION_OWNERS, type SettingsSection, type SiteSnippet } from '../../lib/core/model/admin-requests';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import { describeIssues } from '../../lib/core/model/parse';
import { WorkspaceSettings, attributionOf } from '../../lib/core/model/settings';
import type { Role } from '../../lib/core/model/vocabulary';
import { countryHolidays, withCountryHolidays } from '../../lib/core/calendar/holidays';
import { isoDateOf, localDayNumber } from '../../lib/core/calendar/wall-clock';
import { sameValue } from '../../lib/core/same-value';
import type { Caller } from '../context';
import { settingsUpdated } from './audit/changes';
import { recountAssists } from './closed-loop/assists';
import { actorOf, recordAudit } from './audit/record';
import { ApiError, badRequest } from '../http/errors';
import { writeInWorkspace, type Db, type Tx } from '../store/db';
import { workspaces } from '../store/schema';

/**
 * Replaces the workspace's settings. The workspace row takes a new version, so every rep's next sync carries them.
 * Nothing is written when nothing changed, so a repeated save does not make every cache download the settings again.
 */
export async function replaceSettings(db: Db, caller: Caller, incoming: WorkspaceSettings, now: Date): Promise<WorkspaceSettings> {
  const workspaceId = caller.workspace.id;
  return writeInWorkspace(db, workspaceId, async (tx) => {
    // Read under the workspace lock: two editors saving at once are judged against what is really stored.
    const current = await storedSettings(tx, workspaceId);
    assertOwnsChanges(caller.user.role, current, incoming);
    const next = checkedSettings({ ...incoming, calendar: expandHolidays(current.calendar, incoming.calendar, now) });
    if (!sameValue(current, next)) await tx.update(workspaces).set({ settings: next }).where(eq(workspaces.id, workspaceId));
    // A new assist window changes what every win counted: count them all again with it.
    const window = attributionOf(next).assistWindowDays;
    if (window !== attributionOf(current).assistWindowDays) await recountAssists(tx, workspaceId, window);
    await recordAudit(tx, actorOf(caller), settingsUpdated(now, current, next));
    return next;
  });
}

/** The parts of the settings a role may not change but this save would: a 403 names them. */
export function sectionsChangedWithoutRight(role: Role, current: WorkspaceSettings, incoming: WorkspaceSettings): SettingsSection[] {
  const sections = Object.keys(SETTINGS_SECTION_OWNERS) as SettingsSection[];
  return sections.filter((s) => !SETTINGS_SECTION_OWNERS[s].includes(role) && !sameValue(current[s], incoming[s]));
}

function assertOwnsChanges(role: Role, current: WorkspaceSettings, incoming: WorkspaceSettings): void {
  const refused = sectionsChangedWithoutRight(role, current, incoming);
  if (refused.length === 0) return;
  const who = refused.map((s) => `${s} (${SETTINGS_SECTION_OWNERS[s].join(', ')})`).join('; ');
  throw new ApiError('forbidden', `as ${role} you may not change ${who}; send those parts as they are`);
}

/**
 * The calendar to store: the dates sent plus the public holidays of `holidayCountry` this year and next (in the
 * calendar's zone), so the extension never needs the holiday tables. When the country changes or goes, the old
 * country's dates that the editor sent back as they were are dropped, so switching US → GB does not keep Thanksgiving.
 */
export function expandHolidays(current: WorkCalendar, incoming: WorkCalendar, now: Date): WorkCalendar {
  const oldCountry = current.holidayCountry;
  let calendar = incoming;
  if (oldCountry && oldCountry !== incoming.holidayCountry) {
    const generated = new Set(holidaysOfStoredCountry(oldCountry, incoming.holidays));
    calendar = { ...incoming, holidays: incoming.holidays.filter((d) => !generated.has(d)) };
  }
  const thisYear = Number(isoDateOf(localDayNumber(incoming.timeZone, now.getTime())).slice(0, 4));
  try {
    return withCountryHolidays(calendar, [thisYear, thisYear + 1]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw badRequest(`settings are not valid: calendar.holidayCountry: ${message}`, [{ path: 'calendar.holidayCountry', message }]);
  }
}

/** The stored country's public holidays in the years the dates span; none if its code is no longer known. */
function holidaysOfStoredCountry(country: string, dates: readonly string[]): string[] {
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  try {
    return countryHolidays(country, years);
  } catch {
    return [];
  }
}

async function storedSettings(tx: Tx, workspaceId: string): Promise<WorkspaceSettings> {
  const [row] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new Error(`workspace ${workspaceId} vanished while its settings were saved`);
  // Parsed so that defaults added since they were stored do not count as changes.
  return withDefaults(row.settings);
}

/**
 * Settings as stored, with the defaults of parts added since filled in (`tracking.emailOpens` for a workspace made
 * before it existed), so an editor sees what the server applies. Stored settings that no longer parse stay as they are.
 */
export function withDefaults(stored: WorkspaceSettings): WorkspaceSettings {
  const parsed = WorkspaceSettings.safeParse(stored);
  return parsed.success ? parsed.data : stored;
}

/** Expansion adds dates, which may push a limit (2000 holidays) over: the whole result must still be valid settings. */
function checkedSettings(settings: WorkspaceSettings): WorkspaceSettings {
  const parsed = WorkspaceSettings.safeParse(settings);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw badRequest(`settings are not valid once the country's holidays are added: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** The workspace's site key and the `<script>` tag that loads t.js with it from this server (docs/api.md § Website tracking). */
export async function siteSnippet(db: Db, workspaceId: string, publicUrl: string): Promise<SiteSnippet> {
  const [row] = await db.select({ siteKey: workspaces.siteKey }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw new ApiError('not_found', 'no such workspace');
  const src = `${publicUrl.replace(/\/+$/, '')}/t.js?k=${encodeURIComponent(row.siteKey)}`;
  return { siteKey: row.siteKey, snippet: `<script async src="${src}"></script>` };
}
