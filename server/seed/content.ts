import type { ContentItem } from '../../lib/core/model/content';
import type { JourneyStage } from '../../lib/core/model/vocabulary';
import { DEMO_SITE } from './people';

/** A library item before the seed works out its assists from the demo's customers. */
export type DemoContent = Omit<ContentItem, 'assists' | 'archived' | 'updatedAt' | 'version'> & {
  /** Shown behind a form: downloading it is how a content_download lead arrives. */
  gated: boolean;
};

const item = (
  slug: string,
  title: string,
  kind: ContentItem['kind'],
  journeyStage: JourneyStage,
  topics: string[],
  personas: string[],
  gated: boolean,
): DemoContent => ({ id: `ct_demo_${slug.replace(/-/g, '_')}`, title, url: `${DEMO_SITE}/resources/${slug}`, kind, journeyStage, topics, personas, gated });

/** Northwind's library: what its marketers wrote for each journey stage, persona and topic. */
export const DEMO_LIBRARY: readonly DemoContent[] = [
  // Awareness: why lead response and alignment matter.
  item('lead-response-benchmark-2026', 'The 2026 Lead Response Benchmark', 'ebook', 'awareness', ['lead_response', 'sla'], ['marketing', 'sales', 'revops'], true),
  item('why-leads-go-cold', 'Why Leads Go Cold: The First Five Minutes', 'article', 'awareness', ['lead_response'], [], false),
  item('alignment-101', 'Marketing and Sales Alignment 101', 'article', 'awareness', ['alignment', 'sla'], ['marketing'], false),
  item('webinar-sla-sales-will-keep', 'Webinar: Building an SLA Sales Will Actually Keep', 'webinar', 'awareness', ['sla', 'alignment'], ['sales', 'manager', 'director'], true),
  item('bot-opens-fake-clicks', 'Bot Opens and Fake Clicks: What Your Email Metrics Hide', 'article', 'awareness', ['email_tracking', 'deliverability'], ['marketing', 'demand'], false),
  item('lead-scoring-starter-kit', 'The Lead Scoring Starter Kit', 'ebook', 'awareness', ['lead_scoring'], ['marketing', 'operations'], true),
  // Consideration: how it works, compared with what they do today.
  item('lead-scoring-playbook', 'Lead Scoring Playbook for B2B Teams', 'whitepaper', 'consideration', ['lead_scoring', 'mql'], ['marketing', 'revops', 'demand'], true),
  item('cadences-vs-spreadsheets', 'Northwind vs Spreadsheets: Cadence Tracking Compared', 'datasheet', 'consideration', ['cadence', 'product'], ['sales', 'manager'], false),
  item('how-cadences-work', 'How Cadences Work in Northwind (8-minute video)', 'video', 'consideration', ['cadence', 'product'], ['sales', 'representative'], false),
  item('funnel-math', 'Funnel Math: From Revenue Goal to Headcount', 'whitepaper', 'consideration', ['funnel_planning'], ['vp', 'revenue', 'director', 'ceo'], true),
  item('integrations-guide', 'Integrations Guide: HubSpot, Salesforce and Pipedrive', 'datasheet', 'consideration', ['integrations', 'crm'], ['operations', 'revops', 'admin'], false),
  item('webinar-scores-reps-trust', 'Webinar: Scoring Models That Reps Trust', 'webinar', 'consideration', ['lead_scoring'], ['sales', 'manager'], true),
  // Decision: proof, price and the plan to go live.
  item('case-study-fernhill', 'Case Study: Fernhill Logistics Cut Response Time to 9 Minutes', 'case_study', 'decision', ['lead_response', 'sla'], ['vp', 'marketing', 'sales'], false),
  item('case-study-pinecrest', 'Case Study: Pinecrest Bank Doubled MQL-to-SQL Conversion', 'case_study', 'decision', ['lead_scoring', 'mql'], ['director', 'sales', 'revops'], false),
  item('security-overview', 'Security and Privacy Overview', 'datasheet', 'decision', ['security', 'privacy'], ['security', 'it', 'operations'], false),
  item('pricing-guide', 'Pricing and Plans Guide', 'pricing', 'decision', ['pricing'], [], false),
  item('roi-calculator', 'ROI Calculator Walkthrough', 'demo', 'decision', ['roi', 'pricing'], ['finance', 'vp', 'chief'], false),
  item('implementation-plan', 'Implementation Plan: Live in 14 Days', 'other', 'decision', ['onboarding'], ['operations', 'manager'], false),
];

export function libraryItem(id: string): DemoContent {
  const found = DEMO_LIBRARY.find((c) => c.id === id);
  if (!found) throw new Error(`no demo library item ${id}`);
  return found;
}

/** The website's own pages that people browse, with the titles t.js would send. */
export const SITE_PAGES = {
  home: { url: `${DEMO_SITE}/`, title: 'Northwind: lead response on autopilot' },
  pricing: { url: `${DEMO_SITE}/pricing`, title: 'Pricing | Northwind' },
  features: [
    { url: `${DEMO_SITE}/features`, title: 'Features | Northwind' },
    { url: `${DEMO_SITE}/features/cadences`, title: 'Cadences and SLA clocks | Northwind' },
    { url: `${DEMO_SITE}/features/lead-scoring`, title: 'Lead scoring | Northwind' },
    { url: `${DEMO_SITE}/features/side-panel`, title: 'The side panel | Northwind' },
    { url: `${DEMO_SITE}/integrations`, title: 'Integrations | Northwind' },
    { url: `${DEMO_SITE}/integrations/salesforce`, title: 'Northwind for Salesforce' },
    { url: `${DEMO_SITE}/customers`, title: 'Customers | Northwind' },
    { url: `${DEMO_SITE}/security`, title: 'Security | Northwind' },
  ],
  blog: [
    { url: `${DEMO_SITE}/blog/lead-response-time`, title: 'How fast is fast enough? Lead response time, measured' },
    { url: `${DEMO_SITE}/blog/what-is-an-mql`, title: 'What is an MQL, really?' },
    { url: `${DEMO_SITE}/blog/sla-template`, title: 'A marketing–sales SLA template you can copy' },
    { url: `${DEMO_SITE}/blog/email-bot-clicks`, title: 'Why your click rate jumped overnight (it was a scanner)' },
    { url: `${DEMO_SITE}/blog/funnel-math`, title: 'Working a revenue goal back up the funnel' },
    { url: `${DEMO_SITE}/blog/cadence-best-practices`, title: 'Five attempts in fourteen days: cadence best practices' },
    { url: `${DEMO_SITE}/blog/alignment-meeting`, title: 'Run a 30-minute weekly alignment meeting' },
  ],
  forms: {
    demo_request: { url: `${DEMO_SITE}/demo`, title: 'Book a demo | Northwind' },
    contact_us: { url: `${DEMO_SITE}/contact`, title: 'Contact sales | Northwind' },
    trial: { url: `${DEMO_SITE}/trial`, title: 'Start your free trial | Northwind' },
  },
} as const;
