import type Dexie from 'dexie';

/**
 * Every schema this cache has had, oldest first. Never edit a shipped version: add the next one with its upgrade,
 * and a test that opens a database of the previous version and checks the upgrade (test/lib/db/versions.test.ts).
 */
export function applySchemaVersions(db: Dexie): void {
  // v1: the first release.
  db.version(1).stores({
    contacts: 'id, &email, ownerId',
    activities: 'id, contactId, [contactId+at]',
    attempts: 'id, contactId, [contactId+at]',
    content: 'id',
    outbox: '++seq, &id, status',
    suggestions: 'id, email',
    meta: 'key',
  });

  // v2: a cache of lookups (so an unknown address is not asked about on every glance); activities by time alone so
  // the oldest history can go first when the browser runs short of space; outbox entries count their push tries.
  db.version(2)
    .stores({
      activities: 'id, contactId, [contactId+at], at',
      lookups: 'email, at',
    })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((entry: { tries?: number }) => {
          entry.tries ??= 0;
        }),
    );

  // v3: contacts carry the person's answer about individually tracked email opens; a cached contact has none yet
  // (the next pull of the contact brings the server's).
  db.version(3).upgrade((tx) =>
    tx
      .table('contacts')
      .toCollection()
      .modify((contact: { openTrackingConsent?: string | null; openTrackingConsentAt?: string | null }) => {
        contact.openTrackingConsent ??= null;
        contact.openTrackingConsentAt ??= null;
      }),
  );

  // v4: each cached contact's stage history, for its timeline (by contact, in time order). The cursor is forgotten, so
  // the next pull starts over and brings the history of the contacts already cached: their stage changes may be older
  // than the cursor, which went past them while nothing carried them. Rows come again and are put over themselves;
  // the outbox and the rest stay.
  db.version(4)
    .stores({ stageChanges: 'id, contactId, [contactId+at]' })
    .upgrade((tx) => tx.table('meta').delete('cursor'));

  // v5: prospects' questions of the contacts in scope, by contact, and the answers marketing
  // linked, by group key. Both are new on the server too, so every one of them is newer than any stored cursor and
  // the next pull brings them: nothing to fill in here.
  db.version(5).stores({
    questions: 'id, contactId, key',
    answers: 'key',
  });

  // v6: the names of the people the cached contacts and attempts name (owners, who logged), by id, so a manager sees
  // "Maya Chen" as a lead's owner rather than "Another rep". Pulled pages carry them with the rows that name them; the
  // cursor is forgotten so the contacts already cached bring their owners' names (rows are put over themselves, the
  // outbox stays and pending changes are laid over what comes down, as for v4).
  db.version(6)
    .stores({ people: 'id' })
    .upgrade((tx) => tx.table('meta').delete('cursor'));

  // v7: the alerts this browser has seen (lib/alerts), by id, so one that comes by the live stream and again on a sync
  // page is shown once; by status, for those still waiting for their deliverAt; by when seen, to prune old ones.
  // New and empty: nothing to fill in.
  db.version(7).stores({ alerts: 'id, status, seenAt' });
}

export const CURRENT_SCHEMA_VERSION = 7;
