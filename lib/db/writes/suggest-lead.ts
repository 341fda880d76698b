import type { Mutation } from '../../core/model/mutations';
import { ContactSuggest } from '../../core/model/mutations';
import type { WriteContext } from './context';

export interface SuggestLeadInput {
  email: string;
  name?: string | null;
  company?: string | null;
  title?: string | null;
  note?: string | null;
  seenOn?: string | null;
}

/** Puts an unknown address forward as a lead. It waits for review on the server: nothing is created silently. */
export async function suggestLead(ctx: WriteContext, input: SuggestLeadInput): Promise<void> {
  const at = ctx.now().toISOString();
  const mutation: Mutation = ContactSuggest.parse({ id: ctx.newId(), type: 'contact.suggest', at, ...input });
  if (mutation.type !== 'contact.suggest') throw new Error('unreachable');
  await ctx.db.transaction('rw', ctx.db.suggestions, ctx.db.outbox, async () => {
    await ctx.db.suggestions.put({
      id: mutation.id,
      email: mutation.email,
      name: mutation.name,
      company: mutation.company,
      title: mutation.title,
      suggestedAt: at,
    });
    await ctx.db.outbox.add({ id: mutation.id, mutation, status: 'pending', createdAt: at, tries: 0 });
  });
}
