import { and, eq } from 'drizzle-orm';
import { questionKey } from '../../../lib/core/questions/group-key';
import { stageAt } from '../../../lib/core/stage/stage-at';
import type { LifecycleStage } from '../../../lib/core/model/vocabulary';
import { ApiError } from '../../http/errors';
import type { Tx } from '../../store/db';
import type { ContactRow } from '../../store/rows';
import { questions, stageChanges } from '../../store/schema';
import { assertCanWorkContact, findVisibleContact } from '../contacts/access';
import { assertNotAhead } from './clock';
import type { MutationContext, MutationOf } from './context';

/**
 * Records a question a prospect asked, noted by the caller on a contact they may work, with its group key and the
 * stage the contact was in when it was asked (from its stage history: a note made offline may arrive after a move).
 */
export async function noteQuestion(tx: Tx, { caller, now }: MutationContext, m: MutationOf<'question.note'>): Promise<void> {
  const { question } = m;
  const at = new Date(question.at);
  assertNotAhead(m.id, 'question.at', at, now);
  const contact = await findVisibleContact(tx, caller, question.contactId);
  assertCanWorkContact(caller, contact);

  // The id is the client's, unique within the workspace: "do nothing" turns a reused id into a conflict.
  const inserted = await tx
    .insert(questions)
    .values({
      workspaceId: caller.workspace.id,
      id: question.id,
      contactId: contact.id,
      userId: caller.user.id,
      text: question.text,
      groupKey: questionKey(question.text),
      stage: await stageWhenAsked(tx, contact, question.at),
      at,
    })
    .onConflictDoNothing({ target: [questions.workspaceId, questions.id] })
    .returning({ id: questions.id });
  if (inserted.length === 0) {
    throw new ApiError('conflict', `question ${question.id} already exists: note it under a new question id`);
  }
}

async function stageWhenAsked(tx: Tx, contact: ContactRow, at: string): Promise<LifecycleStage> {
  const steps = await tx
    .select({ from: stageChanges.fromStage, to: stageChanges.toStage, at: stageChanges.at })
    .from(stageChanges)
    .where(and(eq(stageChanges.workspaceId, contact.workspaceId), eq(stageChanges.contactId, contact.id)));
  const history = steps.map((s) => ({ from: s.from as LifecycleStage | null, to: s.to as LifecycleStage, at: s.at.toISOString() }));
  return stageAt(history, at, contact.stage as LifecycleStage);
}
