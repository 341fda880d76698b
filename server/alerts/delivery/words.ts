import type { AlertRule } from '../../../lib/core/model/alerts';

/**
 * What each rule is called in an email's footer and a chat post ("you get this because …"). The alert's own title and
 * body, written by the engine, say who and what; these only name the rule a person can stop.
 */
export const RULE_NAMES: Record<AlertRule, string> = {
  active_now: 'a lead is on the site now',
  return_visit: 'a lead comes back to the site',
  key_page: 'a lead views a key page',
  content_download: 'a lead downloads content',
  email_engaged: 'a lead opens your email or clicks a link',
  reply: 'a lead replies',
  sla_due_soon: 'a first touch or follow-up is about to be due',
  sla_breached: 'a first touch or follow-up went past due',
};

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The lead's link in an email or a chat post: the dashboard at PUBLIC_URL, which a person away from the browser can
 * open anywhere, naming the lead (the side panel cannot be opened from a link outside the browser).
 */
export function leadUrl(publicUrl: string, contactId: string): string {
  return `${publicUrl}/app/?lead=${encodeURIComponent(contactId)}`;
}

/** "Dana Reyes <dana@brightwave.io> · Brightwave", or the address alone. */
export function whoLine(contact: { email: string; name: string | null; company: string | null }): string {
  const who = contact.name ? `${contact.name} <${contact.email}>` : contact.email;
  return contact.company ? `${who} · ${contact.company}` : who;
}
