import type { ComponentType } from 'react';
import type { Role } from '../lib/core/model/vocabulary';
import { FunnelPage } from './pages/funnel/FunnelPage';
import { SlaLeadsPage } from './pages/sla/SlaLeadsPage';
import { LazySettingsPage } from './pages/settings/lazy';
import { SlaPage } from './pages/sla/SlaPage';

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

export const PAGES: readonly DashboardPage[] = [
  { path: '', title: 'SLA both ways', roles: REPORT_ROLES, component: SlaPage, inNav: true },
  { path: 'sla/leads', title: 'Leads behind a figure', roles: REPORT_ROLES, component: SlaLeadsPage, inNav: false },
  { path: 'funnel', title: 'Funnel planner', roles: REPORT_ROLES, component: FunnelPage, inNav: true },
  // GET /v1/settings is for these roles; each part's form is editable only by its owners (SETTINGS_SECTION_OWNERS).
  { path: 'settings', title: 'Settings', roles: REPORT_ROLES, component: LazySettingsPage, inNav: true },
];

export function pagesFor(role: Role): DashboardPage[] {
  return PAGES.filter((p) => p.roles.includes(role));
}
