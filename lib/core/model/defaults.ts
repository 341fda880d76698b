import { standardCalendar } from './calendar';
import { DEFAULT_CADENCE_POLICY } from './policy';
import { WorkspaceSettings } from './settings';

/**
 * What a new workspace starts with: the SLA our users wrote down (first attempt within 4 business hours, 5 attempts
 * in 14 days), Mon–Fri 09:00–17:00 in the workspace's zone, 100 qualified leads a rep a month from marketing, and a
 * scoring model a B2B team can start from and tune.
 */
export function defaultWorkspaceSettings(timeZone: string, domains: string[] = []): WorkspaceSettings {
  return WorkspaceSettings.parse({
    calendar: standardCalendar(timeZone),
    policies: [DEFAULT_CADENCE_POLICY],
    scoring: {
      fitRules: [
        { id: 'fit_senior', field: 'seniority', op: 'one_of', values: ['director', 'vp', 'c_level', 'owner'], points: 20, label: 'Senior buyer' },
        { id: 'fit_manager', field: 'seniority', op: 'equals', value: 'manager', points: 10, label: 'Manager' },
        { id: 'fit_size', field: 'companySize', op: 'range', min: 50, max: 5000, points: 15, label: 'Company of 50–5,000' },
        { id: 'fit_b2b', field: 'businessModel', op: 'equals', value: 'b2b', points: 10, label: 'Sells to businesses' },
        { id: 'fit_country', field: 'country', op: 'one_of', values: ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'AU'], points: 5, label: 'Market we serve' },
        {
          id: 'fit_free_mail',
          field: 'emailDomain',
          op: 'one_of',
          values: ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com'],
          points: -15,
          label: 'Personal email address',
        },
        { id: 'fit_student', field: 'title', op: 'pattern', pattern: '*student*|*intern*', points: -20, label: 'Student or intern' },
      ],
      engagementRules: [
        { id: 'eng_pricing', activity: 'page_view', urlPattern: '/pricing*', points: 9, label: 'Viewed pricing' },
        { id: 'eng_demo_page', activity: 'page_view', urlPattern: '/demo*|/product*|/features*', points: 3, label: 'Viewed product pages' },
        { id: 'eng_page', activity: 'page_view', points: 1, label: 'Page views' },
        { id: 'eng_download', activity: 'content_download', points: 8, label: 'Downloaded content' },
        { id: 'eng_form', activity: 'form_submit', points: 10, label: 'Filled in a form' },
        { id: 'eng_open', activity: 'email_open', points: 1, label: 'Opened emails' },
        { id: 'eng_click', activity: 'email_click', points: 4, label: 'Clicked email links' },
        { id: 'eng_reply', activity: 'email_reply', points: 15, label: 'Replied' },
        { id: 'eng_meeting', activity: 'meeting_booked', points: 25, label: 'Booked a meeting' },
        { id: 'eng_unsubscribe', activity: 'unsubscribe', points: -20, label: 'Unsubscribed' },
      ],
      halfLifeDays: 30,
      mqlFitThreshold: 30,
      mqlEngagementThreshold: 25,
      autoPromoteMql: true,
      gradeThresholds: { A: 45, B: 30, C: 15 },
    },
    sla: { mqlsPerRepPerMonth: 100, firstTouchTarget: 0.9 },
    tracking: {},
    // USD and the reason lists of lib/core/model/outcomes.ts (DEFAULT_REASONS).
    outcomes: {},
    domains,
    attribution: { assistWindowDays: 180 },
  });
}
