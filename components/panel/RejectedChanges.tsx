import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { mutationContactId, type Mutation } from '../../lib/core/model/mutations';
import { transitionOf } from '../../lib/core/stage/transitions';
import { CHANNEL_LABELS, OUTCOME_LABELS, STAGE_LABELS } from '../../lib/view-model/labels';
import { useServices } from '../services';

/** A refused change in words: "Call (no answer) for Dana Reyes", "Move Dana Reyes to SQL". */
export function describeMutation(m: Mutation, names: ReadonlyMap<string, string>): string {
  const who = (id: string) => names.get(id) ?? 'a contact';
  switch (m.type) {
    case 'attempt.log':
      return `${CHANNEL_LABELS[m.attempt.channel]}${m.attempt.outcome ? ` (${OUTCOME_LABELS[m.attempt.outcome].toLowerCase()})` : ''} for ${who(m.attempt.contactId)}`;
    case 'attempt.undo':
      return 'Undo of an attempt';
    case 'attempt.amend':
      return m.outcome ? `Outcome “${OUTCOME_LABELS[m.outcome].toLowerCase()}” for an attempt` : 'Change to an attempt';
    case 'contact.stage':
      {
        const outcome = transitionOf(m.from, m.to)?.outcome;
        if (outcome) return `Mark ${who(m.contactId)} ${outcome}`;
      }
      return `Move ${who(m.contactId)} to ${STAGE_LABELS[m.to]}`;
    case 'contact.recycle':
      // Older outboxes' recycles carry no `from`.
      return m.from && transitionOf(m.from, 'recycled')?.outcome === 'lost' ? `Mark ${who(m.contactId)} lost` : `Recycle ${who(m.contactId)} to marketing`;
    case 'contact.stage_undo':
      return `Undo of a stage change for ${who(m.contactId)}`;
    case 'contact.suggest':
      return `Suggest ${m.email} as a lead`;
    case 'question.note':
      return `Question noted for ${who(m.question.contactId)}: “${m.question.text}”`;
  }
}

/**
 * Changes the server refused, each with its reason, until the rep dismisses them: nothing logged disappears silently
 * (the data layer already took back its local effect).
 */
export function RejectedChanges() {
  const { db } = useServices();
  const headingId = useId();
  const rejected = useLiveQuery(async () => {
    const entries = await db.outbox.where('status').equals('rejected').sortBy('seq');
    const ids = [...new Set(entries.flatMap((e) => mutationContactId(e.mutation) ?? []))];
    const contacts = await db.contacts.bulkGet(ids);
    // The name kept at the refusal first: the contact may have left the cache since (reassigned to another rep).
    const names = new Map([
      ...contacts.flatMap((c) => (c ? [[c.id, c.name ?? c.email] as const] : [])),
      ...entries.flatMap((e) => {
        const id = mutationContactId(e.mutation);
        return id !== null && e.contactName ? [[id, e.contactName] as const] : [];
      }),
    ]);
    return entries.map((e) => ({ seq: e.seq!, text: describeMutation(e.mutation, names), reason: e.error?.message ?? 'refused by the server' }));
  }, [db]);
  if (!rejected || rejected.length === 0) return null;

  async function dismiss(seq: number) {
    await db.transaction('rw', db.outbox, async () => {
      const entry = await db.outbox.get(seq);
      if (entry?.status === 'rejected') await db.outbox.delete(seq);
    });
  }

  return (
    <section className="notice notice--danger rejected" aria-labelledby={headingId}>
      <h2 id={headingId}>Not saved on the server</h2>
      <ul>
        {rejected.map((r) => (
          <li key={r.seq}>
            <span>
              <strong>{r.text}</strong>: {r.reason}
            </span>
            <button type="button" aria-label={`Dismiss: ${r.text}`} onClick={() => void dismiss(r.seq)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
