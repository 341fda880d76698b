/**
 * Bundled into a bench page (../figures/sync-apply.ts): a first sync of 5,000 contacts and 250,000 activities applied
 * to the extension's Dexie cache with applyServerChanges, page by page, beside raw IndexedDB writes of the same rows
 * into stores with the same keys and indexes, 1,000 a transaction.
 */
import Dexie from 'dexie';
import type { Activity } from '../../lib/core/model/activity';
import type { Contact } from '../../lib/core/model/contact';
import { SyncPage } from '../../lib/core/model/sync';
import { LeadsideDatabase } from '../../lib/db/database';
import { applyServerChanges } from '../../lib/sync/apply-server-changes';

export const CONTACTS = 5_000;
export const ACTIVITIES_EACH = 50;
export const PAGE_ROWS = 1_000;
const ROWS_EACH = 1 + ACTIVITIES_EACH;
export const TOTAL_ROWS = CONTACTS * ROWS_EACH;

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-06T16:30:00Z');
const STAGES = ['lead', 'mql', 'sql', 'opportunity'] as const;
const TYPES = ['page_view', 'page_view', 'page_view', 'email_open', 'email_click', 'content_download'] as const;
const PAGES = ['/pricing', '/product', '/blog/sla', '/customers', '/docs/start'];

function contactRow(i: number): Contact {
  const at = new Date(NOW - (i % 60) * DAY).toISOString();
  return {
    id: `c_${i}`,
    email: `lead${i}@prospect${i % 700}.example`,
    name: `Lead Number${i}`,
    title: i % 3 === 0 ? 'VP Sales' : 'Head of Operations',
    company: `Prospect ${i % 700}`,
    seniority: i % 3 === 0 ? 'vp' : 'manager',
    country: 'US',
    companySize: 50 + (i % 900),
    industry: 'software',
    businessModel: 'b2b',
    phone: null,
    stage: STAGES[i % STAGES.length]!,
    stageReason: null,
    stageReasonCode: null,
    dealValue: null,
    leadType: i % 5 === 0 ? 'demo_request' : null,
    source: 'website',
    ownerId: 'u_rep',
    assignedAt: at,
    pauses: [],
    optedOut: false,
    openTrackingConsent: null,
    openTrackingConsentAt: null,
    createdAt: at,
    updatedAt: at,
    version: i * ROWS_EACH + 1,
  };
}

function activityRow(i: number, j: number): Activity {
  const type = TYPES[j % TYPES.length]!;
  const email = type === 'email_open' || type === 'email_click';
  return {
    id: `a_${i}_${j}`,
    contactId: `c_${i}`,
    type,
    at: new Date(NOW - (i % 60) * DAY + j * 3_600_000).toISOString(),
    url: type === 'email_open' ? null : `https://www.northwind.example${PAGES[j % PAGES.length]}`,
    title: type === 'page_view' ? 'Pricing — Northwind' : null,
    contentId: null,
    emailId: email ? `em_${i}_${j % 5}` : null,
    outOfOffice: false,
    trust: { label: 'human', reason: email ? 'opened 2 h after sending' : 'seen on your website' },
    version: i * ROWS_EACH + 2 + j,
  };
}

/** Page `p` of the first sync: rows in version order (each contact, then its history), 1,000 rows a page. */
export function syncPage(p: number): SyncPage {
  const contacts: Contact[] = [];
  const activities: Activity[] = [];
  const first = p * PAGE_ROWS;
  const last = Math.min(TOTAL_ROWS, first + PAGE_ROWS);
  for (let r = first; r < last; r++) {
    const i = Math.floor(r / ROWS_EACH);
    const k = r % ROWS_EACH;
    if (k === 0) contacts.push(contactRow(i));
    else activities.push(activityRow(i, k - 1));
  }
  return {
    contacts,
    activities,
    attempts: [],
    questions: [],
    stageChanges: [],
    content: [],
    answers: [],
    people: [],
    settings: null,
    removed: { contacts: [], content: [] },
    cursor: btoa(JSON.stringify({ v: last })).replace(/=+$/, ''),
    more: last < TOTAL_ROWS,
  };
}

export const PAGE_COUNT = Math.ceil(TOTAL_ROWS / PAGE_ROWS);

/** The rows are valid model rows: a few pages through the same zod schema the API client parses with; ms per page. */
export function validate(): { ok: true; parseMsPerPage: number } {
  const sample = [0, 1, Math.floor(PAGE_COUNT / 2), PAGE_COUNT - 1];
  const pages = sample.map(syncPage);
  // The client receives JSON: parse what the wire would carry.
  const wire = pages.map((p) => JSON.parse(JSON.stringify(p)) as unknown);
  const t0 = performance.now();
  for (const p of wire) SyncPage.parse(p);
  return { ok: true, parseMsPerPage: (performance.now() - t0) / wire.length };
}

export interface Run {
  rows: number;
  ms: number;
  pageMs: number[];
  counts: { contacts: number; activities: number };
}

export interface Interleaved {
  apply: Run;
  raw: Run;
  pages: number;
  complete: boolean;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Plain IndexedDB with the stores the rows go to, keys and indexes as Dexie's schema v2 makes them. */
async function openRaw(name: string): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('email', 'email', { unique: true });
    contacts.createIndex('ownerId', 'ownerId');
    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('contactId', 'contactId');
    activities.createIndex('[contactId+at]', ['contactId', 'at']);
    activities.createIndex('at', 'at');
  };
  return request(open);
}

/** The limit for one page: its rows put in one readwrite transaction, awaited to completion. */
async function putRaw(db: IDBDatabase, page: SyncPage): Promise<number> {
  const tx = db.transaction(['contacts', 'activities'], 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const contacts = tx.objectStore('contacts');
  const activities = tx.objectStore('activities');
  for (const c of page.contacts) contacts.put(c);
  for (const a of page.activities) activities.put(a);
  await done;
  return page.contacts.length + page.activities.length;
}

/**
 * Page after page, both ways: applyServerChanges into a fresh LeadsideDatabase, and the same page with plain
 * IndexedDB into a second database, taking turns which goes first. Both stores grow alike and the machine's noise
 * falls on both. Only the writes are timed (not making the page). Stops at `maxMs` of wall time.
 */
export async function runInterleaved(maxMs: number): Promise<Interleaved> {
  const dexieName = 'bench-dexie';
  await Dexie.delete(dexieName);
  const dexie = new LeadsideDatabase(dexieName);
  await dexie.open();
  const raw = await openRaw('bench-raw');
  const apply: Run = { rows: 0, ms: 0, pageMs: [], counts: { contacts: 0, activities: 0 } };
  const plain: Run = { rows: 0, ms: 0, pageMs: [], counts: { contacts: 0, activities: 0 } };
  const timed = async (run: Run, write: () => Promise<number>) => {
    const t0 = performance.now();
    run.rows += await write();
    const t = performance.now() - t0;
    run.pageMs.push(t);
    run.ms += t;
  };
  const started = performance.now();
  let p = 0;
  try {
    for (; p < PAGE_COUNT && performance.now() - started < maxMs; p++) {
      const page = syncPage(p);
      const copy = syncPage(p);
      if (p % 2 === 0) {
        await timed(apply, () => applyServerChanges(dexie, page));
        await timed(plain, () => putRaw(raw, copy));
      } else {
        await timed(plain, () => putRaw(raw, copy));
        await timed(apply, () => applyServerChanges(dexie, page));
      }
    }
    apply.counts = { contacts: await dexie.contacts.count(), activities: await dexie.activities.count() };
    const tx = raw.transaction(['contacts', 'activities'], 'readonly');
    plain.counts = { contacts: await request(tx.objectStore('contacts').count()), activities: await request(tx.objectStore('activities').count()) };
    return { apply, raw: plain, pages: p, complete: p === PAGE_COUNT };
  } finally {
    dexie.close();
    raw.close();
    await Dexie.delete(dexieName);
    await request(indexedDB.deleteDatabase('bench-raw'));
  }
}
