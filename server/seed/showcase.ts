import type { CadenceStatus } from '../../lib/core/model/derived';
import type { LifecycleStage } from '../../lib/core/model/vocabulary';
import type { LiveShape, Scenario } from './cadence-plan';
import type { TeamMember } from './people';

/**
 * Demo contacts with a known story, for the end-to-end demo pages (a Gmail-like thread, a CRM record) and for anyone
 * trying the side panel: open a page that shows one of these addresses, signed in as its owner. Everything listed here
 * holds for any `now` the demo is seeded at (seed.test.ts checks it).
 */
export interface ShowcaseContact {
  email: string;
  name: string;
  company: string;
  title: string;
  seniority: 'senior' | 'manager' | 'director' | 'vp' | 'c_level' | 'owner';
  stage: LifecycleStage;
  leadType: string;
  /** The rep who owns it (sign in as them to see it in the queue); null for a lead marketing still nurtures. */
  owner: TeamMember['key'] | null;
  ownerEmail: string | null;
  /** What lib/core's cadenceState says right after seeding; null without an owner. */
  cadenceStatus: CadenceStatus | null;
  story: string;
  /** How the seed makes it so. */
  seed: {
    scenario: Scenario | null;
    liveShape?: LiveShape;
    appleMail: boolean;
    /** Library items downloaded (the first is how a content_download lead arrived). */
    downloads: string[];
    /** Views of /pricing in the last three days. */
    recentPricingViews: number;
  };
}

export const SHOWCASE_CONTACTS: readonly ShowcaseContact[] = [
  {
    email: 'dana.reyes@brightwave.example',
    name: 'Dana Reyes',
    company: 'Brightwave',
    title: 'VP Marketing',
    seniority: 'vp',
    stage: 'mql',
    leadType: 'content_download',
    owner: 'maya',
    ownerEmail: 'maya.chen@northwind.example',
    cadenceStatus: 'due',
    story:
      'Downloaded the Lead Response Benchmark and a case study, viewed pricing three times in the last three days; Maya emailed once and the follow-up is due in 30 business minutes. Reads on an iPhone too, so Apple prefetches show as machine opens.',
    seed: {
      scenario: 'due',
      liveShape: { attempts: 1, businessMinutesLeft: 30 },
      appleMail: true,
      downloads: ['ct_demo_lead_response_benchmark_2026', 'ct_demo_case_study_fernhill'],
      recentPricingViews: 3,
    },
  },
  {
    email: 'leo.martins@quantaloop.example',
    name: 'Leo Martins',
    company: 'Quantaloop',
    title: 'Head of Growth',
    seniority: 'director',
    stage: 'mql',
    leadType: 'demo_request',
    owner: 'maya',
    ownerEmail: 'maya.chen@northwind.example',
    cadenceStatus: 'first_touch_due',
    story: 'Asked for a demo minutes ago; the first touch is due within one business hour (the hot inbound policy).',
    seed: { scenario: 'first_touch_due', appleMail: false, downloads: [], recentPricingViews: 1 },
  },
  {
    email: 'omar.haddad@corvane.example',
    name: 'Omar Haddad',
    company: 'Corvane',
    title: 'Director of Revenue Operations',
    seniority: 'director',
    stage: 'sql',
    leadType: 'trial',
    owner: 'jordan',
    ownerEmail: 'jordan.okafor@northwind.example',
    cadenceStatus: 'overdue',
    story: 'On a trial behind a Proofpoint gateway: its link scans show as machine clicks; two attempts so far and the next is overdue.',
    seed: { scenario: 'overdue', liveShape: { attempts: 2, businessMinutesLeft: -180 }, appleMail: false, downloads: ['ct_demo_integrations_guide'], recentPricingViews: 0 },
  },
  {
    email: 'grace.liu@tallpine.example',
    name: 'Grace Liu',
    company: 'Tallpine',
    title: 'Chief Marketing Officer',
    seniority: 'c_level',
    stage: 'mql',
    leadType: 'event',
    owner: 'sam',
    ownerEmail: 'sam.patel@northwind.example',
    cadenceStatus: 'breached',
    story: 'Met at an event days ago and never called: the first-touch SLA is breached.',
    seed: { scenario: 'breached_untouched', appleMail: false, downloads: [], recentPricingViews: 0 },
  },
  {
    email: 'hana.sato@ironbarksystems.example',
    name: 'Hana Sato',
    company: 'Ironbark Systems',
    title: 'VP Revenue Operations',
    seniority: 'vp',
    stage: 'mql',
    leadType: 'content_download',
    owner: 'sam',
    ownerEmail: 'sam.patel@northwind.example',
    cadenceStatus: 'on_track',
    story: 'Her company’s gateway, dressed as Chrome, clicks every link of every email within seconds: machine clicks, shown faded. Cadence on track.',
    seed: { scenario: 'on_track', liveShape: { attempts: 2, businessMinutesLeft: 600 }, appleMail: false, downloads: ['ct_demo_lead_scoring_playbook'], recentPricingViews: 1 },
  },
  {
    email: 'ethan.walsh@meridiancloud.example',
    name: 'Ethan Walsh',
    company: 'Meridian Cloud',
    title: 'Sales Operations Manager',
    seniority: 'manager',
    stage: 'mql',
    leadType: 'content_download',
    owner: 'jordan',
    ownerEmail: 'jordan.okafor@northwind.example',
    cadenceStatus: 'complete',
    story: 'All five attempts made, no answer: time to recycle or advance.',
    seed: { scenario: 'complete', appleMail: false, downloads: ['ct_demo_lead_scoring_starter_kit'], recentPricingViews: 0 },
  },
  {
    email: 'marco.bianchi@fernhilllogistics.example',
    name: 'Marco Bianchi',
    company: 'Fernhill Logistics',
    title: 'VP Sales',
    seniority: 'vp',
    stage: 'customer',
    leadType: 'demo_request',
    owner: 'jordan',
    ownerEmail: 'jordan.okafor@northwind.example',
    cadenceStatus: 'exited',
    story: 'A customer: read both case studies and the pricing guide before buying (conversion assists).',
    seed: {
      scenario: 'won',
      appleMail: false,
      downloads: ['ct_demo_case_study_pinecrest', 'ct_demo_pricing_guide', 'ct_demo_security_overview'],
      recentPricingViews: 0,
    },
  },
  {
    email: 'riley.brooks@gmail.com',
    name: 'Riley Brooks',
    company: 'Small Batch Studio',
    title: 'Founder',
    seniority: 'owner',
    stage: 'lead',
    leadType: 'content_download',
    owner: null,
    ownerEmail: null,
    cadenceStatus: null,
    story: 'A personal Gmail address: opens come through Google’s image proxy (proxy), and fit takes the personal-email penalty. Marketing still nurtures it.',
    seed: { scenario: null, appleMail: false, downloads: ['ct_demo_lead_scoring_starter_kit'], recentPricingViews: 0 },
  },
];

/** The contact a demo page shows first: an MQL of the first rep, follow-up due soon. */
export const PRIMARY_SHOWCASE: ShowcaseContact = SHOWCASE_CONTACTS[0]!;
