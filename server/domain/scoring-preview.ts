import type { ScoringPreview, ScoringPreviewRequest } from '../../lib/core/model/scoring-preview';
import type { WorkspaceSettings } from '../../lib/core/model/settings';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { previewScoring } from '../../lib/core/scoring';
import { readSnapshot, type Db } from '../store/db';
import { contactsToScore } from './contacts/scoring-inputs';
import { withDefaults } from './settings';

/** The contacts a scoring change can matter for: everyone not yet won or disqualified (recycled ones may qualify again). */
export const PREVIEW_STAGES: readonly LifecycleStage[] = ['visitor', 'lead', 'mql', 'sql', 'opportunity', 'recycled'];

/**
 * What saving `request.scoring` would change, scored at `now` against the workspace's model as stored (defaults of
 * parts added since filled in, as PUT /v1/settings compares). Reads only, in one snapshot: nothing is written.
 */
export async function scoringPreview(db: Db, workspaceId: string, settings: WorkspaceSettings, request: ScoringPreviewRequest, now: Date): Promise<ScoringPreview> {
  const inputs = await readSnapshot(db, (tx) => contactsToScore(tx, workspaceId, { stages: PREVIEW_STAGES }));
  return previewScoring(withDefaults(settings).scoring, request.scoring, inputs, now, request.limit);
}
