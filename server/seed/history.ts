import type { Trust } from '../../lib/core/model/activity';
import type { WorkCalendar } from '../../lib/core/model/calendar';
import type { Pause } from '../../lib/core/model/contact';
import type { CadencePolicy } from '../../lib/core/model/policy';
import { planCadence, type CadencePlan, type PlannedAttempt } from './cadence-plan';
import { days, hours, minutes } from './clock';
import { DEMO_LIBRARY, SITE_PAGES, libraryItem, type DemoContent } from './content';
import { emailEvents, outOfOfficeReply, type ActivityDraft, type Reader, type SentEmail } from './email-events';
import { DEMO_SITE } from './people';
import type { Random } from './random';
import type { Engagement, RosterEntry } from './roster';

/** The demo covers this much history before now. */
export const HISTORY_DAYS = 60;

export interface SeededAttempt extends PlannedAttempt {
  id: string;
  userId: string;
  contentIds: string[];
  undoneAt: Date | null;
}

export interface SeededActivity extends ActivityDraft {
  id: string;
}

export interface ContactHistory {
  createdAt: Date;
  updatedAt: Date;
  /** When the current owner got it; null without an owner. */
  assignedAt: Date | null;
  pauses: Pause[];
  attempts: SeededAttempt[];
  activities: SeededActivity[];
}

export interface HistoryContext {
  now: Date;
  calendar: WorkCalendar;
  policy: CadencePolicy;
  newsletters: readonly SentEmail[];
  rng: Random;
}

const ON_SITE: Trust = { label: 'human', reason: 'seen on the website' };
type Page = { url: string; title: string };

/**
 * Sixty days of one contact's life: browsing before and after they became known, how they arrived (form, download),
 * the newsletter, the rep's attempts and the emails they sent, and (where the cadence plan says so) a reply or a
 * booked meeting. Nothing after now, nothing before the 60 days.
 */
export function buildHistory(entry: RosterEntry, ctx: HistoryContext): ContactHistory {
  const { rng, now } = ctx;
  const horizon = now.getTime() - days(HISTORY_DAYS);
  const plan: CadencePlan | null = entry.scenario === null ? null : planCadence(entry.scenario, ctx, entry.showcase?.seed.liveShape);
  const drafts: ActivityDraft[] = [];

  // When they became known: the form or download that made them a lead (the lead router assigns minutes later).
  const convertedAt =
    plan !== null
      ? new Date(plan.assignedAt.getTime() - minutes(rng.between(1, 25)))
      : new Date(now.getTime() - days(entry.stage === 'visitor' ? rng.between(1, 59) : rng.between(1, 55)));
  const firstSeen = new Date(Math.max(horizon + hours(1), convertedAt.getTime() - days(rng.between(0, 14))));

  // Anonymous browsing before, linked to them when they identified themselves.
  const before = entry.stage === 'visitor' ? rng.int(1, 4) : rng.int(0, 2);
  // A showcase contact's pricing views are exactly the ones its story tells.
  const pricing = entry.showcase === null;
  for (let i = 0; i < before; i++) drafts.push(...session(rng, between(rng, firstSeen, convertedAt), browsePages(rng, 'low', pricing)));
  if (entry.stage !== 'visitor') drafts.push(...arrival(entry, convertedAt, rng));

  const endOfInterest = plan?.meetingAt ?? now;
  const sessions = { low: rng.int(0, 1), medium: rng.int(1, 3), high: rng.int(3, 6) }[entry.engagement];
  for (let i = 0; i < sessions && entry.stage !== 'visitor'; i++) drafts.push(...session(rng, between(rng, convertedAt, endOfInterest), browsePages(rng, entry.engagement, pricing)));
  drafts.push(...laterDownloads(entry, convertedAt, endOfInterest, rng));
  for (let i = 0; i < (entry.showcase?.seed.recentPricingViews ?? 0); i++) {
    drafts.push(...session(rng, new Date(now.getTime() - hours(rng.between(2, 70))), [SITE_PAGES.pricing]));
  }

  const reader = readerOf(entry);
  if (entry.stage !== 'visitor') drafts.push(...newsletterActivity(entry, convertedAt, reader, ctx));

  const attempts = plan === null || entry.worker === null ? [] : seededAttempts(entry, plan, ctx);
  const repEmails = attempts.filter((a) => a.channel === 'email').map((a, i) => repEmail(entry, a, i + 1));
  for (const email of repEmails) {
    drafts.push(...emailEvents(email, reader, rng));
    if (rng.chance(0.05)) drafts.push(outOfOfficeReply(email, rng));
  }
  if (plan?.replyAt) drafts.push(reply(plan.replyAt, repEmails));
  if (plan?.meetingAt && entry.worker) {
    drafts.push(humanDraft('meeting_booked', plan.meetingAt, `${DEMO_SITE}/meet/${entry.worker.key}`, `30-minute demo with ${entry.worker.name}`, 'booked on the calendar page'));
  }

  const kept = drafts
    .filter((d) => d.at.getTime() <= now.getTime() && d.at.getTime() >= horizon)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const activities = kept.map((d, i) => ({ ...d, id: `act_demo_${entry.id.slice(-3)}_${String(i + 1).padStart(3, '0')}` }));

  const assignedAt = entry.owner === null || plan === null ? null : plan.assignedAt;
  const createdAt = entry.stage === 'visitor' ? firstSeen : convertedAt;
  const lastTouch = Math.max(createdAt.getTime(), assignedAt?.getTime() ?? 0, ...attempts.map((a) => a.at.getTime()));
  return {
    createdAt,
    updatedAt: new Date(Math.min(lastTouch, now.getTime())),
    assignedAt,
    pauses: plan?.pause ? [plan.pause] : [],
    attempts,
    activities,
  };
}

/** The first thing a lead did as a known person, by why they arrived. */
function arrival(entry: RosterEntry, at: Date, rng: Random): ActivityDraft[] {
  const type = entry.leadType;
  if (type === 'demo_request' || type === 'contact_us' || type === 'trial') {
    const form = SITE_PAGES.forms[type];
    return [
      humanDraft('page_view', new Date(at.getTime() - minutes(rng.between(1, 4))), form.url, form.title, ON_SITE.reason),
      humanDraft('form_submit', at, form.url, form.title, ON_SITE.reason),
    ];
  }
  if (type === 'content_download') {
    const gated = DEMO_LIBRARY.filter((c) => c.gated);
    const item = entry.showcase?.seed.downloads[0] ? libraryItem(entry.showcase.seed.downloads[0]) : rng.pick(gated);
    return [download(item, at)];
  }
  // Events and referrals arrive from a badge scan or an introduction: nothing on the website.
  return [];
}

/** Library items read after arriving: showcase ones as written, others suited to how far down the funnel they are. */
function laterDownloads(entry: RosterEntry, from: Date, to: Date, rng: Random): ActivityDraft[] {
  const at = () => between(rng, from, to);
  if (entry.showcase) {
    const listed = entry.showcase.seed.downloads.slice(entry.leadType === 'content_download' ? 1 : 0);
    return listed.map((id) => download(libraryItem(id), at()));
  }
  const count = { low: 0, medium: rng.int(0, 1), high: rng.int(1, 2) }[entry.engagement] + (entry.stage === 'customer' ? 1 : 0);
  const stages =
    entry.stage === 'lead' || entry.stage === 'visitor' || entry.stage === 'recycled'
      ? ['awareness']
      : entry.stage === 'mql'
        ? ['awareness', 'consideration']
        : ['consideration', 'decision'];
  const pool = DEMO_LIBRARY.filter((c) => stages.includes(c.journeyStage));
  return rng.sample(pool, count).map((item) => download(item, at()));
}

function download(item: DemoContent, at: Date): ActivityDraft {
  return { ...humanDraft('content_download', at, item.url, item.title, ON_SITE.reason), contentId: item.id };
}

function browsePages(rng: Random, engagement: Engagement, pricing: boolean): Page[] {
  const count = rng.int(1, engagement === 'high' ? 5 : 3);
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted<'home' | 'blog' | 'features' | 'pricing'>(
      engagement === 'low'
        ? [['home', 2], ['blog', 6], ['features', 1.5], ['pricing', 0.5]]
        : engagement === 'medium'
          ? [['home', 1], ['blog', 4], ['features', 3], ['pricing', 1.5]]
          : [['home', 0.5], ['blog', 2], ['features', 4], ['pricing', 3]],
    );
    if (kind === 'pricing' && !pricing) continue;
    pages.push(kind === 'home' ? SITE_PAGES.home : kind === 'pricing' ? SITE_PAGES.pricing : rng.pick<Page>(SITE_PAGES[kind]));
  }
  return pages;
}

/** A visit: pages a few seconds to a few minutes apart. */
function session(rng: Random, start: Date, pages: readonly Page[]): ActivityDraft[] {
  let at = start.getTime();
  return pages.map((page) => {
    const view = humanDraft('page_view', new Date(at), page.url, page.title, ON_SITE.reason);
    at += rng.between(20_000, minutes(4));
    return view;
  });
}

function readerOf(entry: RosterEntry): Reader {
  const interest = { low: [0.25, 0.1], medium: [0.5, 0.25], high: [0.75, 0.4] }[entry.engagement];
  return {
    mail: entry.person.personalEmail ? 'google' : entry.person.company.mail,
    appleMail: entry.appleMail,
    openChance: interest[0]!,
    clickChance: entry.showcase ? 0.5 : interest[1]!,
    // Showcase contacts read promptly, so their stories show real opens whatever day the demo is seeded.
    prompt: entry.showcase !== null,
  };
}

/** The weekly newsletter from the day they became known; a few unsubscribe and get no more. */
function newsletterActivity(entry: RosterEntry, knownSince: Date, reader: Reader, ctx: HistoryContext): ActivityDraft[] {
  const { rng } = ctx;
  const drafts: ActivityDraft[] = [];
  const unsubscribes = entry.owner === null && rng.chance(0.06);
  for (const issue of ctx.newsletters) {
    if (issue.sentAt.getTime() < knownSince.getTime() || !rng.chance(0.8)) continue;
    const email: SentEmail = { ...issue, id: `${issue.id}_${entry.id.slice(-3)}` };
    drafts.push(...emailEvents(email, reader, rng));
    if (unsubscribes) {
      drafts.push(humanDraft('unsubscribe', new Date(issue.sentAt.getTime() + hours(rng.between(1, 30))), null, issue.subject, 'used the unsubscribe link'));
      break;
    }
  }
  return drafts;
}

/** The plan's attempts as the worker logged them, plus now and then one logged by mistake and undone a minute later. */
function seededAttempts(entry: RosterEntry, plan: CadencePlan, ctx: HistoryContext): SeededAttempt[] {
  const userId = entry.worker!.id;
  const attempts: SeededAttempt[] = plan.attempts.map((a, i) => ({
    ...a,
    // A showcase story starts with an email, so the panel has opens and clicks to show.
    ...(entry.showcase && i === 0 ? { channel: 'email' as const, outcome: null, note: null } : {}),
    id: `att_demo_${entry.id.slice(-3)}_${i + 1}`,
    userId,
    contentIds: a.channel === 'email' && i > 0 ? [caseStudyFor(i)] : [],
    undoneAt: null,
  }));
  const first = attempts[0];
  if (first && ctx.rng.chance(0.05)) {
    const at = new Date(first.at.getTime() + minutes(3));
    if (at.getTime() + minutes(1) <= ctx.now.getTime()) {
      attempts.push({ id: `att_demo_${entry.id.slice(-3)}_undone`, userId, at, channel: 'call', outcome: 'no_answer', note: 'Logged on the wrong contact', contentIds: [], undoneAt: new Date(at.getTime() + minutes(1)) });
    }
  }
  return attempts;
}

const CASE_STUDIES = ['ct_demo_case_study_fernhill', 'ct_demo_case_study_pinecrest'];
function caseStudyFor(step: number): string {
  return CASE_STUDIES[step % CASE_STUDIES.length]!;
}

const FIRST_SUBJECTS: Record<string, string> = {
  demo_request: 'Your Northwind demo',
  content_download: 'The guide you downloaded',
  trial: 'Getting the most from your Northwind trial',
  event: 'Great to meet you last week',
  referral: 'A mutual introduction',
  contact_us: 'Thanks for getting in touch',
};
const FOLLOW_UP_SUBJECTS = ['How teams like yours answer leads in minutes', 'Worth a 15-minute call?', 'A case study you might like', 'Closing the loop'];

/** What a rep's email attempt sent: a calendar link, and after the first a case study. */
function repEmail(entry: RosterEntry, attempt: SeededAttempt, nth: number): SentEmail {
  const subject = nth === 1 ? (FIRST_SUBJECTS[entry.leadType ?? ''] ?? 'Hello from Northwind') : FOLLOW_UP_SUBJECTS[(nth - 2) % FOLLOW_UP_SUBJECTS.length]!;
  const links = [
    { url: `${DEMO_SITE}/meet/${entry.worker?.key ?? 'team'}`, contentId: null },
    ...attempt.contentIds.map((id) => ({ url: libraryItem(id).url, contentId: id })),
  ];
  return { id: `em_demo_${attempt.id.slice('att_demo_'.length)}`, sentAt: attempt.at, subject, links };
}

function reply(at: Date, repEmails: readonly SentEmail[]): ActivityDraft {
  const answered = [...repEmails].reverse().find((e) => e.sentAt.getTime() < at.getTime());
  return { ...humanDraft('email_reply', at, null, answered ? `Re: ${answered.subject}` : 'Re: Northwind Weekly', 'a person replied'), emailId: answered?.id ?? null };
}

function humanDraft(type: ActivityDraft['type'], at: Date, url: string | null, title: string | null, reason: string): ActivityDraft {
  return { type, at, url, title, contentId: null, emailId: null, outOfOffice: false, trust: { label: 'human', reason } };
}

function between(rng: Random, from: Date, to: Date): Date {
  return new Date(rng.between(from.getTime(), Math.max(from.getTime(), to.getTime())));
}

/** The weekly newsletter over the history: Tuesdays at 10:00 in New York, three links each. */
export function newsletterIssues(now: Date): SentEmail[] {
  const subjects = [
    'Northwind Weekly: the first five minutes',
    'Northwind Weekly: scoring models reps trust',
    'Northwind Weekly: what bot clicks hide',
    'Northwind Weekly: funnel math for next year',
    'Northwind Weekly: an SLA template to copy',
    'Northwind Weekly: cadences that do not annoy',
    'Northwind Weekly: customer stories',
    'Northwind Weekly: pricing questions answered',
    'Northwind Weekly: integrations roundup',
  ];
  const issues: SentEmail[] = [];
  const start = new Date(now.getTime() - days(HISTORY_DAYS));
  // 15:00 UTC is 10:00 in New York in winter and 11:00 in summer: close enough for a send time.
  const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), 15));
  while (first.getUTCDay() !== 2 || first.getTime() < start.getTime()) first.setUTCDate(first.getUTCDate() + 1);
  for (let at = first.getTime(), n = 0; at <= now.getTime(); at += days(7), n++) {
    const picks = [DEMO_LIBRARY[n % DEMO_LIBRARY.length]!, DEMO_LIBRARY[(n * 5 + 3) % DEMO_LIBRARY.length]!];
    const blog = SITE_PAGES.blog[n % SITE_PAGES.blog.length]!;
    issues.push({
      id: `em_demo_nl${String(n + 1).padStart(2, '0')}`,
      sentAt: new Date(at),
      subject: subjects[n % subjects.length]!,
      links: [...picks.map((c) => ({ url: c.url, contentId: c.id })), { url: blog.url, contentId: null }],
    });
  }
  return issues;
}
