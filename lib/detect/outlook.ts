import { contactCollector, parseAddressList, textOf, type ContactRole, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';

/**
 * Outlook on the web: the reading pane's From, To and Cc, and the recipients of an open compose form. Selectors and
 * their sources: docs/hosts.md § Outlook.
 *
 * Modelled on:
 * - https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAKhqsJ4Z8UxJpM7%2B2a2j7dE%3D
 * - https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM3ZmYAZS1kNzU1LTk5AGYtMDACLTAwCgAQAE9f1uJ2V0hFqkzMRLpXGVc%3D
 *   (German UI: "Von:", "An:")
 * - https://outlook.office.com/mail/deeplink/compose (a compose form with To and Cc)
 *
 * Decisions:
 * - The header's `aria-label` ("From: Dana Ruiz <dana@buyer.example>") is the hook: its structure is stable, its words
 *   are translated, so the label words of the common UI languages are listed below.
 * - Outlook often shows people by display name only (colleagues, groups): with no address there is nothing to send,
 *   so they are skipped.
 * - Bodies are never read: quoted history (`#divRplyFwdMsg`), signatures and forwarded headers are not the contact.
 *   The message list is outside the reading pane and not read either.
 */
export function readOutlook(doc: Document, _url: URL): DetectedContact[] {
  const found = contactCollector();
  const pane = doc.querySelector(READING_PANE);
  if (pane) {
    for (const labelled of pane.querySelectorAll('[aria-label]')) {
      if (labelled.closest(BODY) || labelled.closest(COMPOSE)) continue;
      const header = headerLine(labelled.getAttribute('aria-label'));
      if (!header) continue;
      for (const { email, name } of parseAddressList(header.value)) found.add(email, name, header.role);
    }
  }
  for (const form of doc.querySelectorAll(COMPOSE)) {
    for (const chip of form.querySelectorAll(RECIPIENT_CHIP)) {
      if (chip.closest(BODY)) continue;
      const labelled = parseAddressList(chip.getAttribute('aria-label'));
      const people = labelled.length > 0 ? labelled : parseAddressList(textOf(chip));
      // A resolved entity labelled with the bare address shows the name as its text.
      const shown = people.length === 1 ? textOf(chip) : null;
      for (const { email, name } of people) found.add(email, name ?? shown, 'recipient');
    }
  }
  return found.list();
}

const READING_PANE = '#ReadingPaneContainerId, [data-app-section="ConversationContainer"]';
const BODY = '[id^="UniqueMessageBody"], [role="document"], #divRplyFwdMsg, blockquote, [aria-multiline="true"]';
const COMPOSE = '[data-app-section="Form_Content"], [id^="docking_InitVisiblePart_"]';
/** A resolved recipient in a compose well: its label or its text holds "Name <address>" or the address. */
const RECIPIENT_CHIP = [
  '._EType_RECIPIENT_ENTITY span[aria-label]',
  '.lpcWrapper.lpcCommonWeb-hoverTarget[aria-label]',
  '[class*="textContainer-"]',
  '[class*="individualText-"]',
].join(', ');

/** The header words of the common UI languages, lower-case, without the colon. */
const SENDER_WORDS = ['from', 'de', 'von', 'da', 'van', 'från', 'fra', 'od', 'от', 'lähettäjä', '差出人', '发件人', '寄件者', '보낸 사람'];
const RECIPIENT_WORDS = [
  ...['to', 'cc', 'bcc', 'cci', 'cco', 'à', 'para', 'an', 'a', 'aan', 'till', 'til', 'do', 'кому', 'копия', 'vastaanottaja'],
  ...['宛先', '收件人', '抄送', '收件者', '副本', '받는 사람', '참조'],
];
const LABEL_WORDS = new Map<string, ContactRole>([
  ...SENDER_WORDS.map((word) => [word, 'sender'] as const),
  ...RECIPIENT_WORDS.map((word) => [word, 'recipient'] as const),
]);

/** `From: Dana Ruiz <dana@buyer.example>` → sender and the value; null for any other label. */
function headerLine(label: string | null): { role: ContactRole; value: string } | null {
  const match = label && /^\s*([^:：]{1,24})[:：]\s*(.+)$/s.exec(label);
  if (!match) return null;
  const role = LABEL_WORDS.get(match[1]!.trim().toLowerCase());
  return role ? { role, value: match[2]! } : null;
}

/** The reading pane (inline replies included) and a docked or popped-out compose form. */
export const OUTLOOK_ROOTS: WatchRoots = [
  ['#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]', '[role="main"]'],
  ['[id^="docking_InitVisiblePart_"]'],
];
