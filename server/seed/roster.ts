import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import type { Scenario } from './cadence-plan';
import { COMPANIES, DEMO_REPS, PERSONAL_MAIL_DOMAIN, drawPerson, emailLocalPart, phoneFor, teamMember, type Person, type TeamMember } from './people';
import type { Random } from './random';
import { SHOWCASE_CONTACTS, type ShowcaseContact } from './showcase';

export type Engagement = 'low' | 'medium' | 'high';

/** Who a demo contact is and where they stand: everything but their history. Depends on the seed only, never on now. */
export interface RosterEntry {
  index: number;
  id: string;
  email: string;
  name: string;
  person: Person;
  stage: LifecycleStage;
  stageReason: string | null;
  leadType: string | null;
  source: string | null;
  /** The current owner. */
  owner: TeamMember | null;
  /** Who worked the cadence: the owner, or for a recycled lead the rep who handed it back. */
  worker: TeamMember | null;
  scenario: Scenario | null;
  engagement: Engagement;
  appleMail: boolean;
  phone: string | null;
  showcase: ShowcaseContact | null;
}

/** ~300 contacts across the funnel: a wide top, a narrowing middle, a few dozen customers, and the two ways out. */
export const STAGE_QUOTAS: Record<LifecycleStage, number> = {
  visitor: 36,
  lead: 72,
  mql: 66,
  sql: 42,
  opportunity: 24,
  customer: 24,
  recycled: 18,
  disqualified: 18,
};

const LEAD_TYPES: readonly (readonly [string, number])[] = [
  ['demo_request', 18],
  ['content_download', 32],
  ['trial', 14],
  ['event', 14],
  ['referral', 8],
  ['contact_us', 14],
];

/** Where the lead came from first, given why it arrived. */
function sourceFor(rng: Random, leadType: string | null): string {
  switch (leadType) {
    case 'event':
      return 'event';
    case 'referral':
      return rng.chance(0.7) ? 'referral' : 'partner';
    case 'content_download':
      return rng.weighted([['website', 5], ['linkedin_ads', 2.5], ['paid_search', 2.5]]);
    default:
      return 'website';
  }
}

/** What is happening to a lead a rep is working: mostly live cadences, some finished, a few gone wrong. */
const WORKING_SCENARIOS: Record<'lead' | 'mql' | 'sql', readonly (readonly [Scenario, number])[]> = {
  lead: [['first_touch_due', 8], ['on_track', 22], ['due', 6], ['overdue', 12], ['paused', 3], ['breached_untouched', 10], ['breached_window', 10], ['complete', 14], ['exited_reply', 10], ['exited_meeting', 5]],
  mql: [['first_touch_due', 6], ['on_track', 26], ['due', 8], ['overdue', 12], ['paused', 4], ['breached_untouched', 6], ['breached_window', 8], ['complete', 10], ['exited_reply', 14], ['exited_meeting', 6]],
  sql: [['on_track', 28], ['due', 8], ['overdue', 10], ['paused', 4], ['breached_window', 6], ['complete', 6], ['exited_reply', 18], ['exited_meeting', 20]],
};

const RECYCLE_REASONS = ['No response after the full cadence', 'Timing: revisit next quarter', 'No budget until the new fiscal year', 'Went quiet after the first call'];
const DISQUALIFY_REASONS = ['Not a fit: too small, no sales team', 'Student project', 'Competitor researching us', 'Duplicate of an existing customer contact'];

export function buildRoster(rng: Random): RosterEntry[] {
  const roster: RosterEntry[] = [];
  const taken = new Set<string>(SHOWCASE_CONTACTS.map((s) => s.email));
  for (const showcase of SHOWCASE_CONTACTS) roster.push(fromShowcase(roster.length, showcase));

  const remaining = { ...STAGE_QUOTAS };
  for (const entry of roster) remaining[entry.stage] -= 1;
  for (const [stage, count] of Object.entries(remaining) as [LifecycleStage, number][]) {
    for (let i = 0; i < count; i++) roster.push(drawEntry(rng, roster.length, stage, taken));
  }
  // Forms ask for a phone number; most qualified leads gave one.
  for (const entry of roster) {
    if (rng.chance(entry.stage === 'visitor' ? 0 : entry.stage === 'lead' ? 0.4 : 0.8)) entry.phone = phoneFor(rng, entry.person.company.country);
  }
  return roster;
}

function fromShowcase(index: number, s: ShowcaseContact): RosterEntry {
  const company = COMPANIES.find((c) => c.name === s.company);
  if (!company) throw new Error(`showcase company ${s.company} is not in COMPANIES`);
  const [firstName = s.name, ...rest] = s.name.split(' ');
  const owner = s.owner === null ? null : teamMember(s.owner);
  return {
    index,
    id: contactId(index),
    email: s.email,
    name: s.name,
    person: { firstName, lastName: rest.join(' '), company, seniority: s.seniority, title: s.title, personalEmail: s.email.endsWith(`@${PERSONAL_MAIL_DOMAIN}`) },
    stage: s.stage,
    stageReason: null,
    leadType: s.leadType,
    source: s.leadType === 'event' ? 'event' : 'website',
    owner,
    worker: owner,
    scenario: s.seed.scenario,
    engagement: 'high',
    appleMail: s.seed.appleMail,
    phone: null,
    showcase: s,
  };
}

function drawEntry(rng: Random, index: number, stage: LifecycleStage, taken: Set<string>): RosterEntry {
  const qualified = !['visitor', 'lead', 'recycled', 'disqualified'].includes(stage);
  const person = drawPerson(rng, qualified);
  const email = uniqueEmail(person, taken);
  const leadType = stage === 'visitor' ? null : rng.weighted(LEAD_TYPES);
  const rep = rng.pick(DEMO_REPS);
  // Half the leads are still marketing's to nurture; recycled ones went back to marketing.
  const owned = stage === 'lead' ? rng.chance(0.55) : stage !== 'visitor' && stage !== 'recycled';
  const scenario: Scenario | null =
    stage === 'lead' || stage === 'mql' || stage === 'sql'
      ? owned
        ? rng.weighted(WORKING_SCENARIOS[stage])
        : null
      : stage === 'opportunity' || stage === 'customer'
        ? 'won'
        : stage === 'disqualified'
          ? 'lost'
          : stage === 'recycled'
            ? 'recycled'
            : null;
  const engagement: Engagement =
    stage === 'visitor' || stage === 'recycled'
      ? rng.weighted([['low', 3], ['medium', 1]])
      : stage === 'lead' || stage === 'disqualified'
        ? rng.weighted([['low', 2], ['medium', 2], ['high', 1]])
        : rng.weighted([['medium', 1], ['high', 2]]);
  return {
    index,
    id: contactId(index),
    email,
    name: `${person.firstName} ${person.lastName}`,
    person,
    stage,
    stageReason: stage === 'recycled' ? rng.pick(RECYCLE_REASONS) : stage === 'disqualified' ? rng.pick(DISQUALIFY_REASONS) : null,
    leadType,
    source: sourceFor(rng, leadType),
    owner: owned ? rep : null,
    worker: scenario === null ? null : rep,
    scenario,
    engagement,
    appleMail: rng.chance(0.22),
    phone: null,
    showcase: null,
  };
}

function uniqueEmail(person: Person, taken: Set<string>): string {
  const local = emailLocalPart(person.firstName, person.lastName);
  const domain = person.personalEmail ? PERSONAL_MAIL_DOMAIN : person.company.domain;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

function contactId(index: number): string {
  return `c_demo_${String(index + 1).padStart(3, '0')}`;
}
