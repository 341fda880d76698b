import { eq } from 'drizzle-orm';
import { scoringModelOf } from '../../../lib/core/model/settings';
import { MQL_THRESHOLD_RULE } from '../../../lib/core/model/stage-history';
import { MQL_RULE_FROM_STAGES, mqlRuleMoves } from '../../../lib/core/stage/mql-rule';
import type { Tx } from '../../store/db';
import { contacts, workspaces } from '../../store/schema';
import { contactsToScore } from './scoring-inputs';
import { recordStageChange } from './stage-history';

/**
 * Applies the MQL threshold rule to contacts a person's activity just reached, in the transaction that recorded it:
 * each one in `lead` or `recycled` whose score now qualifies (lib/core/stage/mql-rule.ts, over its whole activity, as
 * the panel scores it) moves to `mql`, with a stage change by the rule. The contact row's new version syncs the move.
 * Answers the ids it moved.
 */
export async function applyMqlRule(tx: Tx, workspaceId: string, contactIds: readonly string[], now: Date): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const [workspace] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const model = scoringModelOf(workspace?.settings);
  if (!model?.autoPromoteMql) return [];

  const candidates = await contactsToScore(tx, workspaceId, { stages: MQL_RULE_FROM_STAGES, ids: contactIds });
  const moved: string[] = [];
  for (const { contact, activities } of candidates) {
    if (!mqlRuleMoves(model, contact, activities, now)) continue;
    await tx.update(contacts).set({ stage: 'mql', stageReason: null, updatedAt: now }).where(eq(contacts.id, contact.id));
    await recordStageChange(tx, {
      workspaceId,
      contactId: contact.id,
      from: contact.stage,
      to: 'mql',
      at: now,
      by: { kind: 'rule', rule: MQL_THRESHOLD_RULE },
    });
    moved.push(contact.id);
  }
  return moved;
}
