import { and, eq, inArray, isNull } from 'drizzle-orm';
import { scoringModelOf } from '../../../lib/core/model/settings';
import { MQL_THRESHOLD_RULE } from '../../../lib/core/model/stage-history';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { MQL_RULE_FROM_STAGES, mqlRuleMoves } from '../../../lib/core/stage/mql-rule';
import { groupByContact } from '../../../lib/core/lead/by-contact';
import type { Tx } from '../../store/db';
import { toActivity, toContact } from '../../store/rows';
import { activities, contacts, workspaces } from '../../store/schema';
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

  const candidates = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        inArray(contacts.id, [...contactIds]),
        inArray(contacts.stage, [...MQL_RULE_FROM_STAGES]),
        isNull(contacts.deletedAt),
      ),
    );
  if (candidates.length === 0) return [];
  const activityRows = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.contactId, candidates.map((c) => c.id))));
  const activitiesOf = groupByContact(activityRows.map(toActivity));

  const moved: string[] = [];
  for (const row of candidates) {
    if (!mqlRuleMoves(model, toContact(row), activitiesOf.get(row.id) ?? [], now)) continue;
    await tx.update(contacts).set({ stage: 'mql', stageReason: null, updatedAt: now }).where(eq(contacts.id, row.id));
    await recordStageChange(tx, {
      workspaceId,
      contactId: row.id,
      from: row.stage as LifecycleStage,
      to: 'mql',
      at: now,
      by: { kind: 'rule', rule: MQL_THRESHOLD_RULE },
    });
    moved.push(row.id);
  }
  return moved;
}
