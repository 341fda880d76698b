import type { ExitActivity } from '../cadence/exits';
import type { Attempt } from '../model/attempt';
import type { Contact } from '../model/contact';
import type { Role } from '../model/vocabulary';
import type { HistoryEntry } from './stage-reach';

export interface ReportUser {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
}

/** What the SLA report reads (the server loads it from one snapshot). */
export interface SlaInput {
  users: ReportUser[];
  /** Owned contacts assigned in the period, owned contacts whose cadence may still be open, and owned contacts whose stage changed in the period. */
  contacts: Contact[];
  /** Their attempts, undone ones left out. */
  attempts: Attempt[];
  /** Their replies and booked meetings: the only activity that changes a cadence (it ends it). */
  exitActivities: ExitActivity[];
  /** Their whole stage history. */
  history: HistoryEntry[];
}
