import type { Mutation } from '../../core/model/mutations';
import { Question, QuestionText } from '../../core/model/questions';
import { questionKey } from '../../core/questions/group-key';
import type { WriteContext } from './context';

export interface NoteQuestionInput {
  contactId: string;
  text: string;
}

/**
 * Notes a question the prospect asked: the question (with its group key and the stage the panel shows) and its
 * outbox entry are written in one transaction, so it is on the lead at once, offline too. The server records the
 * stage from its own history and its row replaces this one on the next pull. Text the server would refuse (empty,
 * over 280 characters, two lines) throws here, with the same message, and nothing is written.
 */
export async function noteQuestion(ctx: WriteContext, input: NoteQuestionInput): Promise<Question> {
  const at = ctx.now().toISOString();
  const text = QuestionText.parse(input.text);
  return ctx.db.transaction('rw', ctx.db.contacts, ctx.db.questions, ctx.db.outbox, async () => {
    const contact = await ctx.db.contacts.get(input.contactId);
    if (!contact) throw new Error(`contact ${input.contactId} is not in the cache`);
    const question = Question.parse({ id: ctx.newId(), contactId: contact.id, userId: ctx.userId, text, key: questionKey(text), stage: contact.stage, at });
    const mutation: Mutation = { id: ctx.newId(), type: 'question.note', at, question: { id: question.id, contactId: contact.id, text, at } };
    await ctx.db.questions.add(question);
    await ctx.db.outbox.add({ id: mutation.id, mutation, status: 'pending', createdAt: at, tries: 0 });
    return question;
  });
}
