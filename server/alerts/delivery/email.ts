import nodemailer from 'nodemailer';
import type { DigestQueue } from '../../../lib/core/alerts/morning-digest';
import type { DeliveredAlert } from '../channels';
import type { EmailPayload } from './outbox';
import { escapeHtml, leadUrl, RULE_NAMES, whoLine } from './words';

/** Sends one composed email; throws when the mail server refused it or could not be reached. */
export interface Mailer {
  send(payload: EmailPayload): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
export function smtpMailer(smtpUrl: string, from: () => string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(p) {
      await transport.sendMail({
        from: from(),
        to: p.to,
        subject: p.subject,
        text: p.text,
        html: p.html,
        headers: p.unsubscribeUrl
          ? // RFC 8058: a mail client's "Unsubscribe" button POSTs List-Unsubscribe=One-Click to this URL.
            { 'List-Unsubscribe': `<${p.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
      });
    },
    close: () => transport.close(),
  };
}

/** Checks SMTP_URL before anything uses it: a typo is one sentence at start, not a failure at the first alert. */
export function checkSmtpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example.com:587 or smtps://…:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (!url.hostname) throw new Error('SMTP_URL must name the mail server, as in smtp://mail.example.com:587');
  return value;
}

/** ALERTS_FROM, else alerts@ PUBLIC_URL's host ("Leadside <alerts@leadside.example.com>"). */
export function defaultFrom(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // PUBLIC_URL is checked elsewhere; a sender address still comes out.
  }
  // An address literal is not a mail domain.
  if (/^[\d.]+$|^\[|:/.test(host)) host = 'localhost';
  return `Leadside <alerts@${host}>`;
}

/** One instant alert email: who and what, the lead's link, and the one-click unsubscribe for this rule. */
export function alertEmail(d: DeliveredAlert, publicUrl: string, unsubscribeUrl: string): EmailPayload {
  const link = leadUrl(publicUrl, d.contact.id);
  const because = `You get this email because you chose email alerts when ${RULE_NAMES[d.alert.rule]}.`;
  const text = [d.alert.title, d.alert.body, '', whoLine(d.contact), `Open the lead: ${link}`, '', because, `Stop these emails: ${unsubscribeUrl}`].join('\n');
  const html = `<p><strong>${escapeHtml(d.alert.title)}</strong><br>${escapeHtml(d.alert.body)}</p>
<p>${escapeHtml(whoLine(d.contact))}<br><a href="${escapeHtml(link)}">Open the lead</a></p>
<p style="color:#666">${escapeHtml(because)} <a href="${escapeHtml(unsubscribeUrl)}">Stop these emails</a></p>`;
  return { kind: 'email', to: d.recipient.email, subject: d.alert.title, text, html, unsubscribeUrl };
}

export interface DigestContact {
  id: string;
  email: string;
  name: string | null;
  company: string | null;
}

/** The morning digest: the person's breached, overdue and due-today leads, each with its due time and link. */
export function digestEmail(
  recipient: { email: string; name: string },
  queue: DigestQueue<DigestContact>,
  publicUrl: string,
  timeZone: string,
  unsubscribeUrl: string,
): EmailPayload {
  const time = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' });
  const sections = [
    ['Breached', queue.breached, 'was due'],
    ['Overdue', queue.overdue, 'was due'],
    ['Due today', queue.dueToday, 'due'],
  ] as const;
  const counts = sections.filter(([, leads]) => leads.length > 0).map(([title, leads]) => `${leads.length} ${title.toLowerCase()}`);
  const subject = `Your queue today: ${counts.join(', ')}`;
  const line = (lead: (typeof queue.breached)[number], verb: string) =>
    `${whoLine(lead.contact)}${lead.cadence?.nextDueAt ? ` (${verb} ${time.format(new Date(lead.cadence.nextDueAt))})` : ''}`;
  const text = [
    `Good morning ${recipient.name}. ${subject}.`,
    ...sections
      .filter(([, leads]) => leads.length > 0)
      .flatMap(([title, leads, verb]) => ['', `${title} (${leads.length})`, ...leads.map((l) => `- ${line(l, verb)}: ${leadUrl(publicUrl, l.contact.id)}`)]),
    '',
    'You get this email because you turned on the morning digest in your alert settings.',
    `Stop the morning digest: ${unsubscribeUrl}`,
  ].join('\n');
  const html = [
    `<p>Good morning ${escapeHtml(recipient.name)}. ${escapeHtml(subject)}.</p>`,
    ...sections
      .filter(([, leads]) => leads.length > 0)
      .map(
        ([title, leads, verb]) =>
          `<h2>${title} (${leads.length})</h2><ul>${leads
            .map((l) => `<li><a href="${escapeHtml(leadUrl(publicUrl, l.contact.id))}">${escapeHtml(line(l, verb))}</a></li>`)
            .join('')}</ul>`,
      ),
    `<p style="color:#666">You get this email because you turned on the morning digest in your alert settings. <a href="${escapeHtml(unsubscribeUrl)}">Stop the morning digest</a></p>`,
  ].join('\n');
  return { kind: 'email', to: recipient.email, subject, text, html, unsubscribeUrl };
}
