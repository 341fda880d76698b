import type { Mutation } from '../../../lib/core/model/mutations';
import type { Tx } from '../../store/db';
import { amendAttempt } from './attempt-amend';
import { logAttempt } from './attempt-log';
import { undoAttempt } from './attempt-undo';
import type { MutationContext } from './context';
import { recycleContact } from './contact-recycle';
import { changeStage } from './contact-stage';
import { undoStageChange } from './contact-stage-undo';
import { suggestContact } from './contact-suggest';
import { noteQuestion } from './question-note';

/** Applies one valid mutation; a refusal is thrown as an ApiError (not_found, forbidden, conflict, bad_request). */
export function applyMutation(tx: Tx, ctx: MutationContext, m: Mutation): Promise<void> {
  switch (m.type) {
    case 'attempt.log':
      return logAttempt(tx, ctx, m);
    case 'attempt.undo':
      return undoAttempt(tx, ctx, m);
    case 'attempt.amend':
      return amendAttempt(tx, ctx, m);
    case 'contact.stage':
      return changeStage(tx, ctx, m);
    case 'contact.recycle':
      return recycleContact(tx, ctx, m);
    case 'contact.stage_undo':
      return undoStageChange(tx, ctx, m);
    case 'contact.suggest':
      return suggestContact(tx, ctx, m);
    case 'question.note':
      return noteQuestion(tx, ctx, m);
    default:
      return unknownType(m);
  }
}

function unknownType(m: never): never {
  throw new Error(`no handler for mutation ${JSON.stringify(m)}`);
}
