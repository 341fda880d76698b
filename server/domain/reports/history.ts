import { withoutUndoneMoves, type HistoryEntry } from '../../../lib/core/reports';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import type { StageChangeRow } from '../../store/rows';

/** A stage_changes row as the reports read it: reasons are ranked by their code where the move took one from a list. */
function toHistoryEntry(row: StageChangeRow): HistoryEntry {
  return {
    id: row.id,
    contactId: row.contactId,
    from: row.fromStage as LifecycleStage | null,
    to: row.toStage as LifecycleStage,
    at: row.at.getTime(),
    reason: row.reason,
    reasonCode: row.reasonCode,
    reconstructed: row.reconstructed,
    undoes: row.undoes,
  };
}

/** Stage rows as the reports count them: mapped, with undone moves and their undos left out. */
export function toHistoryEntries(rows: readonly StageChangeRow[]): HistoryEntry[] {
  return withoutUndoneMoves(rows.map(toHistoryEntry));
}
