import type { HistoryEntry } from '../../../lib/core/reports';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { stageChanges } from '../../store/schema';

type StageChangeRow = typeof stageChanges.$inferSelect;

/** A stage_changes row as the reports read it. */
export function toHistoryEntry(row: StageChangeRow): HistoryEntry {
  return {
    id: row.id,
    contactId: row.contactId,
    from: row.fromStage as LifecycleStage | null,
    to: row.toStage as LifecycleStage,
    at: row.at.getTime(),
    reason: row.reason,
    // The workspace's reason codes arrive with their own column (the reasons part of issue 14); until then every
    // reason is ranked by its words.
    reasonCode: null,
    reconstructed: row.reconstructed,
  };
}
