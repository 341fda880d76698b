import type { ComponentType } from 'react';
import { ROLES, type Role } from '../lib/core/model/vocabulary';
import { FunnelPage } from './pages/funnel/FunnelPage';
import { ClosedLoopPage, MyQuestionsPage } from './pages/loop/ClosedLoopPage';
import { ReviewPage } from './pages/review/ReviewPage';
import { SlaLeadsPage } from './pages/sla/SlaLeadsPage';
import { LazySettingsPage } from './pages/settings/lazy';
import { SlaPage } from './pages/sla/SlaPage';
import { lazyPage } from './shell/lazy-page';

/**
 * Every page of the dashboard: its path under /app/, its name in the nav, and the roles that may open it (the same
 * roles as the API routes it reads: docs/api.md). A page not listed for a role is neither in its nav nor reachable.
 * Adding a page is a row here (docs/architecture.md § A new dashboard page).
 */
export interface DashboardPage {
  path: string;
  title: string;
  roles: readonly Role[];
  component: ComponentType;
  /** Shown in the nav; false for pages reached from another (the leads behind a figure). */
  inNav: boolean;
}

const REPORT_ROLES: readonly Role[] = ['manager', 'marketing', 'admin'];
/** Managers read the team (GET /v1/users) and share screens; admins change the rest. */
const TEAM_ROLES: readonly Role[] = ['manager', 'admin'];

// Opened now and then: their code loads when first opened, outside the first page's budget.
const ContentPage = lazyPage(() => import('./pages/content/ContentPage').then((m) => m.ContentPage), 'the content library');
const MyAlertsPage = lazyPage(() => import('./pages/alerts/MyAlertsPage').then((m) => m.MyAlertsPage), 'your alerts');
const PrivacyPage = lazyPage(() => import('./pages/privacy/PrivacyPage').then((m) => m.PrivacyPage), 'privacy requests');
const ImportExportPage = lazyPage(() => import('./pages/leads/ImportExportPage').then((m) => m.ImportExportPage), 'import and export');
const TeamPage = lazyPage(() => import('./pages/team/TeamPage').then((m) => m.TeamPage), 'the team');
const WebhooksPage = lazyPage(() => import('./pages/webhooks/WebhooksPage').then((m) => m.WebhooksPage), 'the webhooks');
/** The SLA report answers a rep over their own leads only (docs/api.md § Reports): the same page, their figures. */
const SLA_ROLES: readonly Role[] = [...REPORT_ROLES, 'rep'];

export const PAGES: readonly DashboardPage[] = [
  { path: '', title: 'SLA both ways', roles: SLA_ROLES, component: SlaPage, inNav: true },
  { path: 'sla/leads', title: 'Leads behind a figure', roles: SLA_ROLES, component: SlaLeadsPage, inNav: false },
  { path: 'funnel', title: 'Funnel planner', roles: REPORT_ROLES, component: FunnelPage, inNav: true },
  { path: 'loop', title: 'Closed loop', roles: REPORT_ROLES, component: ClosedLoopPage, inNav: true },
  { path: 'review', title: 'Leads to review', roles: REPORT_ROLES, component: ReviewPage, inNav: true },
  // Everyone reads the library; its use comes from /v1/reports/content, so the report roles; marketing and admins edit.
  { path: 'content', title: 'Content library', roles: REPORT_ROLES, component: ContentPage, inNav: true },
  // GET /v1/settings is for these roles; each part's form is editable only by its owners (SETTINGS_SECTION_OWNERS).
  { path: 'settings', title: 'Settings', roles: REPORT_ROLES, component: LazySettingsPage, inNav: true },
  // Users, tokens, shared screens, audit, tracking key: managers read the team and share screens, admins change it.
  { path: 'team', title: 'Team', roles: TEAM_ROLES, component: TeamPage, inNav: true },
  // Export and erase one contact on their request (/v1/privacy: managers and admins).
  { path: 'privacy', title: 'Privacy requests', roles: TEAM_ROLES, component: PrivacyPage, inNav: true },
  // CSV import and export (/v1/imports, /v1/exports: managers, marketing, admins).
  { path: 'leads', title: 'Import and export', roles: REPORT_ROLES, component: ImportExportPage, inNav: true },
  { path: 'questions', title: 'Your leads’ questions', roles: ['rep'], component: MyQuestionsPage, inNav: true },
  // Everyone's own alert preferences (GET/PUT /v1/me/alerts: any role).
  { path: 'alerts', title: 'My alerts', roles: ROLES, component: MyAlertsPage, inNav: true },
  // GET/POST /v1/webhooks: admins only.
  { path: 'webhooks', title: 'Webhooks', roles: ['admin'], component: WebhooksPage, inNav: true },
];

export function pagesFor(role: Role): DashboardPage[] {
  return PAGES.filter((p) => p.roles.includes(role));
}
