import { contactCollector, parseAddressList, type DetectedContact } from './contacts';
import type { WatchRoots } from './watch';

/**
 * Gmail: the open thread's participants (each message's sender, then its To/Cc) and the recipients of any compose
 * window, popup or inline reply. Selectors and their sources: docs/hosts.md § Gmail.
 *
 * Modelled on:
 * - https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW (a thread with several people)
 * - https://mail.google.com/mail/u/1/#label/Prospects/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW (same, under a label)
 * - https://mail.google.com/mail/u/0/#inbox?compose=new (popup compose, peoplekit chips and the classic hidden inputs)
 * - https://mail.google.com/mail/u/0/#inbox (the list: nothing is read from rows)
 *
 * Decisions:
 * - Thread participants are read only while the URL names a thread: the list's rows also carry `email=` and Gmail may
 *   keep a left thread's nodes around; the URL says what the rep is looking at.
 * - Only the `email=` attribute of a message header counts (stable across builds); never the body, so quoted history
 *   ("On Tue, Dana <dana@…> wrote:") and signatures are not contacts.
 * - The rep shows up as name "me": the address is kept (the background drops the rep's own address), the name is not.
 */
export function readGmail(doc: Document, url: URL): DetectedContact[] {
  const found = contactCollector();
  if (threadIdOf(url)) {
    const main = doc.querySelector('div[role="main"]') ?? doc;
    // Messages first (simple selectors are cheap on a 5,000-node page), then the few `email=` inside each: the list's
    // rows are never walked. Page order: each message's sender, then its recipients, message after message.
    const messages = outermost(main.querySelectorAll(MESSAGE));
    // Without either message hook (Gmail renamed both), the whole thread area: slower, list rows still do not match.
    for (const message of messages.length > 0 ? messages : [main]) {
      for (const person of message.querySelectorAll('[email]')) {
        if (person.closest(BODY) || person.closest(LIST_ROW)) continue;
        const role = roleOf(person);
        if (role) found.add(person.getAttribute('email'), unlessMe(person.getAttribute('name')), role);
      }
    }
  }
  for (const chip of composeChips(doc)) found.add(chip.email, chip.name, 'recipient');
  return found.list();
}

/** The thread id in a Gmail hash route (`#inbox/<id>`, `#label/X/<id>`, `#search/q/<id>`), or null on a list. */
export function threadIdOf(url: URL): string | null {
  const route = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = route.split('/');
  const last = parts[parts.length - 1] ?? '';
  return parts.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : null;
}

/** A message of the open thread, expanded or collapsed (`data-message-id` is stable, `adn` its fragile class). */
const MESSAGE = '[data-message-id], div.adn';
/**
 * The sender of a message: stable first, the header's heading (`<h3>`, its `role="gridcell"`), then the fragile
 * classes (`td.gF` and `h3.iw` hold the same `span.gD`).
 */
const SENDER = 'h3 [email], [role="heading"] [email], [role="gridcell"] [email], td.gF span, h3.iw span, span.gD';
/** A message's body, where quoted history and signatures live: never read. */
const BODY = 'div.a3s, div.ii.gt, .gmail_quote, blockquote';
/** Rows of the message list Gmail keeps behind a thread (`role="row"` stable, `tr.zA` fragile): never the thread. */
const LIST_ROW = '[role="row"], tr.zA';

/**
 * Sender or recipient of a header's `email=` element, by stable hooks first so a Gmail build that renames its
 * generated classes still tells them apart: the sender sits in the header's heading; every other person Gmail gives a
 * hovercard (`data-hovercard-id`) in the header is a recipient ("to me, Kofi"); `span.hb` is the fragile fallback.
 * Anything else carrying `email=` (no heading, no hovercard) is not a participant.
 */
function roleOf(person: Element): 'sender' | 'recipient' | null {
  if (person.closest('span.hb')) return 'recipient';
  if (person.matches(SENDER)) return 'sender';
  return person.hasAttribute('data-hovercard-id') ? 'recipient' : null;
}

/** The elements not inside another of them (a message's `div.adn` may carry `data-message-id` or wrap it). */
function outermost(elements: NodeListOf<Element>): Element[] {
  const all = [...elements];
  return all.filter((element) => !all.some((other) => other !== element && other.contains(element)));
}

/** Gmail calls the signed-in rep "me" (in the UI language); that is not a name. */
function unlessMe(name: string | null): string | null {
  return name && /^(me|moi|ich|yo|eu|io|mij|jag)$/i.test(name.trim()) ? null : name;
}

/**
 * Recipients of open compose windows: peoplekit chips (address in `data-hovercard-id`, name in `data-name`, which
 * equals the address when no name is known) under the To/Cc/Bcc fields; the classic compose keeps one hidden input per
 * chip with `Name <address>`. What the rep is still typing is not a recipient yet.
 */
function composeChips(doc: Document): { email: string | null; name: string | null }[] {
  const chips: { email: string | null; name: string | null }[] = [];
  for (const chip of doc.querySelectorAll('[role="option"][data-hovercard-id]')) {
    if (!chip.closest('[name="to"], [name="cc"], [name="bcc"]')) continue; // autocomplete suggestions, hovercards
    chips.push({ email: chip.getAttribute('data-hovercard-id'), name: chip.getAttribute('data-name') });
  }
  for (const input of doc.querySelectorAll<HTMLInputElement>('.vR input[type="hidden"]')) {
    if (!['to', 'cc', 'bcc'].includes(input.name)) continue;
    for (const { email, name } of parseAddressList(input.value)) chips.push({ email, name });
  }
  return chips;
}

/** The thread area and the compose dock (popup compose windows live outside `role=main`). */
export const GMAIL_ROOTS: WatchRoots = [['div[role="main"]'], ['div.dw']];
