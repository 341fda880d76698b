import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Activity, ActivityInput } from '../../../lib/core/model/activity';
import { Activity as ActivitySchema } from '../../../lib/core/model/activity';
import type { Me } from '../../../lib/core/model/api';
import { Attempt, type AttemptInput } from '../../../lib/core/model/attempt';
import { standardCalendar } from '../../../lib/core/model/calendar';
import { Contact, type ContactInput } from '../../../lib/core/model/contact';
import { ContentItem, type ContentItemInput } from '../../../lib/core/model/content';
import { defaultWorkspaceSettings } from '../../../lib/core/model/defaults';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import { StageChange } from '../../../lib/core/model/stage-history';
import { LeadsideDatabase } from '../../../lib/db/database';
import type { SyncState } from '../../../lib/db/types';

export const ZONE = 'America/New_York';
/** Monday 19 January 2026, 10:00 in New York (15:00Z). */
export const MONDAY_10AM = Date.parse('2026-01-19T15:00:00Z');

export const ME: Me = {
  user: { id: 'rep1', name: 'Maya Chen', email: 'maya.chen@northwind.example', role: 'rep' },
  workspace: { id: 'ws1', name: 'Northwind Demo', domains: ['northwind.example'] },
  calendar: standardCalendar(ZONE),
};

export const IDLE: SyncState = {
  status: 'idle',
  progress: null,
  lastSyncAt: '2026-01-19T14:59:00.000Z',
  lastError: null,
  failures: 0,
  nextTryAt: null,
};

let dbCount = 0;
/** A real Leadside database under a name no other test uses. */
export function testDb(): LeadsideDatabase {
  return new LeadsideDatabase(`leadside-panel-${++dbCount}-${Math.random().toString(36).slice(2)}`);
}

export async function dropDb(db: LeadsideDatabase): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** A fresh cache with a signed-in rep (`seedSession`) and Dana, the lead most tests show. */
export async function cacheWithDana(options: SeedOptions = {}): Promise<LeadsideDatabase> {
  const db = testDb();
  await seedSession(db, options);
  await db.contacts.put(dana());
  return db;
}

export interface SeedOptions {
  signedIn?: boolean;
  sync?: Partial<SyncState>;
  settings?: WorkspaceSettings | null;
}

/** A signed-in rep with the workspace's settings and a finished sync, unless told otherwise. */
export async function seedSession(db: LeadsideDatabase, options: SeedOptions = {}): Promise<void> {
  const { signedIn = true, settings = defaultWorkspaceSettings(ZONE) } = options;
  if (signedIn) {
    await db.meta.put({ key: 'connection', value: { url: 'http://127.0.0.1:8787', token: 'lsk_test_token_0123456789abcdef' } });
    await db.meta.put({ key: 'me', value: ME });
  }
  await db.meta.put({ key: 'syncState', value: { ...IDLE, ...options.sync } });
  if (settings) await db.meta.put({ key: 'settings', value: settings });
}

/**
 * Dana Reyes, VP Marketing at Brightwave: assigned to Maya on Friday 16 January at 16:30 New York time, so with the
 * standard SLA (4 business hours, Mon–Fri 9–5) her first touch is due Monday 12:30 (17:30Z).
 * Fit: VP +20, company of 50–5,000 +15, B2B +10, US +5 = 50, grade A.
 */
export function dana(overrides: Partial<ContactInput> = {}): Contact {
  return Contact.parse({
    id: 'c_dana',
    email: 'dana.reyes@brightwave.example',
    name: 'Dana Reyes',
    title: 'VP Marketing',
    company: 'Brightwave',
    seniority: 'vp',
    country: 'US',
    companySize: 240,
    businessModel: 'b2b',
    stage: 'mql',
    leadType: 'content_download',
    source: 'website',
    ownerId: 'rep1',
    assignedAt: '2026-01-16T21:30:00Z',
    createdAt: '2026-01-10T00:00:00Z',
    updatedAt: '2026-01-16T21:30:00Z',
    ...overrides,
  });
}

export function lead(id: string, overrides: Partial<ContactInput> = {}): Contact {
  return dana({ id, email: `${id}@example.com`, name: id, ...overrides });
}

let seq = 0;
export function act(type: Activity['type'], at: string, overrides: Partial<ActivityInput> = {}): Activity {
  return ActivitySchema.parse({
    id: `act${++seq}`,
    contactId: 'c_dana',
    type,
    at,
    trust: { label: 'human', reason: 'a person' },
    ...overrides,
  });
}

export function attempt(at: string, overrides: Partial<AttemptInput> = {}): Attempt {
  return Attempt.parse({ id: `att${++seq}`, contactId: 'c_dana', userId: 'rep1', channel: 'call', outcome: 'no_answer', at, ...overrides });
}

/** A move of Dana's through the funnel, by Maya Chen unless told otherwise. */
export function stageChange(from: StageChange['from'], to: StageChange['to'], at: string, overrides: Partial<StageChange> = {}): StageChange {
  return StageChange.parse({
    id: `sc${++seq}`,
    contactId: 'c_dana',
    from,
    to,
    at,
    actor: { kind: 'user', userId: 'rep1', name: 'Maya Chen', rule: null },
    reason: null,
    mutationId: null,
    reconstructed: false,
    ...overrides,
  });
}

export function machine(type: 'email_open' | 'email_click', at: string, reason: string, overrides: Partial<ActivityInput> = {}): Activity {
  return act(type, at, { trust: { label: 'machine', reason }, ...overrides });
}

/** Dana's story: pricing three times, a benchmark download, human and Apple-prefetched opens, a scanner click. */
export function danaHistory(): Activity[] {
  return [
    act('page_view', '2026-01-15T14:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }),
    act('page_view', '2026-01-16T14:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }),
    act('page_view', '2026-01-16T15:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }),
    act('page_view', '2026-01-16T15:05:00Z', { url: 'https://northwind.example/features', title: 'Features' }),
    act('content_download', '2026-01-16T21:25:00Z', {
      url: 'https://northwind.example/resources/lead-response-benchmark-2026',
      title: 'The 2026 Lead Response Benchmark',
      contentId: 'ct_benchmark',
    }),
    act('email_open', '2026-01-17T13:00:00Z', { emailId: 'em1' }),
    machine('email_open', '2026-01-17T12:00:05Z', 'Apple Mail Privacy Protection prefetch', { emailId: 'em1' }),
    machine('email_open', '2026-01-18T12:00:05Z', 'Apple Mail Privacy Protection prefetch', { emailId: 'em2' }),
    act('email_click', '2026-01-17T13:01:00Z', { emailId: 'em1', url: 'https://northwind.example/case-studies/fernhill' }),
    machine('email_click', '2026-01-17T12:00:02Z', 'A link scanner clicked every link within seconds', { emailId: 'em1', url: 'https://northwind.example/x' }),
  ];
}

export function content(id: string, journeyStage: ContentItem['journeyStage'], extra: Partial<ContentItemInput> = {}): ContentItem {
  return ContentItem.parse({
    id,
    title: `Title ${id}`,
    url: `https://northwind.example/resources/${id}`,
    journeyStage,
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
}

/** Northwind's library, trimmed: what an MQL (consideration stage) should be sent, and what it should not. */
export function library(): ContentItem[] {
  return [
    content('ct_playbook', 'consideration', { title: 'Lead Scoring Playbook for B2B Teams', topics: ['lead_scoring'], personas: ['marketing'], assists: 4 }),
    content('ct_compare', 'consideration', { title: 'Northwind vs Spreadsheets: Cadence Tracking Compared', topics: ['cadence'], personas: ['sales'] }),
    content('ct_webinar', 'consideration', { title: 'Webinar: Scoring Models That Reps Trust', topics: ['lead_scoring'], assists: 1 }),
    content('ct_video', 'consideration', { title: 'How Cadences Work (8-minute video)', topics: ['cadence'] }),
    content('ct_benchmark', 'awareness', { title: 'The 2026 Lead Response Benchmark', topics: ['lead_response'], personas: ['marketing'] }),
    content('ct_old', 'consideration', { title: 'An archived piece', archived: true }),
  ];
}
