import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import { questionKey } from '../../lib/core/questions/group-key';
import { DAY_MS, HOUR_MS } from '../../lib/core/time-units';
import type { Caller } from '../context';
import { noteQuestion } from '../domain/mutations/question-note';
import { linkAnswerIn } from '../domain/questions/answers';
import type { Tx } from '../store/db';
import { teamMember, type TeamMember } from './people';
import type { ContactHistory } from './history';
import type { RosterEntry } from './roster';

/**
 * The demo's prospects' questions, each asked in several wordings, and the library item Alex (marketing) linked as the
 * answer where there is one. Wordings of one question share a group key by lib/core's rule (checked in seed.test.ts).
 */
export const DEMO_QUESTIONS: readonly { wordings: readonly string[]; answer: string | null }[] = [
  {
    wordings: ['Do you integrate with Salesforce?', 'does it integrate w/ salesforce', 'Salesforce integration?', 'Can it integrate with Salesforce?'],
    answer: 'ct_demo_integrations_guide',
  },
  { wordings: ['How long does implementation take?', 'How long does it take to implement?'], answer: 'ct_demo_implementation_plan' },
  { wordings: ['Do you support SSO?', 'SSO supported?', 'Is SSO supported?'], answer: 'ct_demo_security_overview' },
  { wordings: ['Is it SOC 2 compliant?', 'SOC 2 compliant?'], answer: null },
  { wordings: ['Does it work with Outlook?', 'Works with Outlook?'], answer: null },
];

/** Dana, the showcase MQL: she asked about SSO two days ago, so her panel offers the answer first. */
const DANA = 'dana.reyes@brightwave.example';
const ASKERS: readonly LifecycleStage[] = ['lead', 'mql', 'sql', 'opportunity'];

interface Life {
  entry: RosterEntry;
  history: ContactHistory;
}

/**
 * Notes the demo's questions through the `question.note` handler, as each contact's owner (so keys and stages come
 * from the same code as a rep's), spread over owned leads at the asking stages, then links the answers as Alex.
 */
export async function seedDemoQuestions(tx: Tx, lives: readonly Life[], workspace: Caller['workspace'], now: Date): Promise<void> {
  const askers = lives.filter(({ entry }) => entry.owner !== null && ASKERS.includes(entry.stage) && entry.email !== DANA);
  const dana = lives.find(({ entry }) => entry.email === DANA);
  let n = 0;
  const ask = async ({ entry, history }: Life, text: string, daysAgo: number) => {
    n += 1;
    // Asked after the contact arrived, never ahead of now.
    const at = new Date(Math.min(now.getTime() - HOUR_MS, Math.max(history.createdAt.getTime() + HOUR_MS, now.getTime() - daysAgo * DAY_MS)));
    const caller = callerFor(entry.owner!, workspace);
    const question = { id: `q_demo_${n}`, contactId: entry.id, text, at: at.toISOString() };
    await noteQuestion(tx, { caller, now }, { id: `m_demo_q_${n}`, type: 'question.note', at: question.at, question });
  };
  if (dana) await ask(dana, 'Do you support SSO?', 2);
  for (const [g, question] of DEMO_QUESTIONS.entries()) {
    for (const [w, text] of question.wordings.entries()) {
      const asker = askers[(g * 17 + w * 5) % askers.length];
      if (asker) await ask(asker, text, 1 + ((g * 3 + w * 4) % 20));
    }
  }
  const alex = callerFor(teamMember('alex'), workspace);
  for (const question of DEMO_QUESTIONS) {
    const first = question.wordings[0];
    if (question.answer !== null && first !== undefined) await linkAnswerIn(tx, alex, questionKey(first), question.answer, now);
  }
}

function callerFor(member: TeamMember, workspace: Caller['workspace']): Caller {
  return { user: { id: member.id, name: member.name, email: member.email, role: member.role }, workspace, credential: { kind: 'token', id: 'demo_seed' } };
}
