import type { AlertRule } from './alerts';

/**
 * Each alert rule in plain words, as people choose them (the dashboard's Settings → Alerts and My alerts; the
 * extension's options may use the same). A Record, so a new rule does not typecheck until it has its words.
 */
export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  active_now: 'The lead is on the website now',
  return_visit: 'The lead came back to the website after days away',
  key_page: 'The lead viewed a key page (pricing, demo)',
  content_download: 'A content download',
  email_engaged: 'A person opened an email or clicked a link (never a scanner)',
  reply: 'The lead replied',
  sla_due_soon: 'A first touch or follow-up is about to breach',
  sla_breached: 'A first touch or follow-up went past due',
};
