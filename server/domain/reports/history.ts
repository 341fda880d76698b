import type { HistoryEntry } from '../../../lib/core/reports';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { StageChangeRow } from '../../store/rows';

/** A stage_changes row as the reports read it: reasons are ranked by their code where the move took one from a list. */
export function toHistoryEntry(row: StageChangeRow): HistoryEntry {
  return {
    id: row.id,
    contactId: row.contactId,
    from: row.fromStage as LifecycleStage | null,
    to: row.toStage as LifecycleStage,
    at: row.at.getTime(),
    reason: row.reason,
    reasonCode: row.reasonCode,
    reconstructed: row.reconstructed,
  };
}
