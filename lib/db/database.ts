import Dexie, { type EntityTable } from 'dexie';
import type { Activity } from '../core/model/activity';
import type { Attempt } from '../core/model/attempt';
import type { Contact } from '../core/model/contact';
import type { ContentItem } from '../core/model/content';
import type { Question, QuestionAnswer } from '../core/model/questions';
import type { StageChange } from '../core/model/stage-history';
import type { LocalSuggestion, LookupCacheRow, MetaRow, OutboxEntry, Person, SeenAlert } from './types';
import { applySchemaVersions } from './versions';

export const DATABASE_NAME = 'leadside';

/**
 * The extension's cache, in the extension's own origin (content scripts and pages never reach it): the rep's
 * contacts with their history (activities, attempts, stage changes) and their questions, the content library and the
 * questions' answers, the workspace settings, the outbox and sync metadata.
 */
export class LeadsideDatabase extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  stageChanges!: EntityTable<StageChange, 'id'>;
  content!: EntityTable<ContentItem, 'id'>;
  questions!: EntityTable<Question, 'id'>;
  /** Only linked answers: an unlink pulled from the server deletes the row. */
  answers!: EntityTable<QuestionAnswer, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  suggestions!: EntityTable<LocalSuggestion, 'id'>;
  lookups!: EntityTable<LookupCacheRow, 'email'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Display names of the workspace's people the cached rows name (see SyncPage.people). */
  people!: EntityTable<Person, 'id'>;
  /** The alerts this browser has seen, shown or not (lib/alerts): each one shown once. */
  alerts!: EntityTable<SeenAlert, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    applySchemaVersions(this);
  }
}

let shared: LeadsideDatabase | null = null;
/** The one database of this extension context. */
export function leadsideDb(): LeadsideDatabase {
  shared ??= new LeadsideDatabase();
  return shared;
}
