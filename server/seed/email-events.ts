import type { Trust } from '../../lib/core/model/activity';
import type { ActivityType } from '../../lib/core/model/vocabulary';
import { APPLE_PREFETCH_USER_AGENT, classifyActivityTrust, type RecordedClick } from '../../lib/core/trust';
import { days, minutes } from './clock';
import type { MailSetup } from './people';
import type { Random } from './random';

/** An activity before it has an id and a contact: what history.ts collects. */
export interface ActivityDraft {
  type: ActivityType;
  at: Date;
  url: string | null;
  title: string | null;
  contentId: string | null;
  emailId: string | null;
  outOfOffice: boolean;
  trust: Trust;
}

export interface SentEmail {
  id: string;
  sentAt: Date;
  subject: string;
  /** Tracked links in it, in order. */
  links: readonly { url: string; contentId: string | null }[];
}

/** Who reads the email and how their mail reaches them. */
export interface Reader {
  mail: MailSetup;
  /** Apple Mail with Privacy Protection on: every email is prefetched by Apple's proxy, read or not. */
  appleMail: boolean;
  /** Chance they open a given email, and then click a link in it. */
  openChance: number;
  clickChance: number;
  /** Opens every email within two hours of it arriving (on a desktop client, even with Apple Mail). */
  prompt: boolean;
}

// User agents as the tracking endpoints see them.
const UA = {
  outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  proofpoint: 'Mozilla/5.0 (compatible; Proofpoint URL Defense sandbox)',
  mimecast: 'Mozilla/5.0 (compatible; Mimecast URL Protect)',
} as const;

/**
 * The opens and clicks one email gets, each labelled by lib/core's classifyActivityTrust from what the tracking
 * endpoints would have seen (user agent, address, timing, the other clicks): Apple's prefetch, a gateway's instant
 * open and its link scan are machine; Gmail's proxy is proxy; the person is human.
 */
export function emailEvents(email: SentEmail, reader: Reader, rng: Random): ActivityDraft[] {
  const events: ActivityDraft[] = [];
  const sentAt = email.sentAt;
  const open = (at: Date, userAgent: string, ip: string) =>
    events.push(draft('email_open', at, null, email, classifyActivityTrust({ type: 'email_open', at, userAgent, ip, sentAt })));

  if (reader.mail.startsWith('gateway') && rng.chance(0.5)) {
    open(new Date(sentAt.getTime() + rng.between(300, 1900)), UA.chrome, `198.51.100.${rng.int(2, 250)}`);
  }
  if (reader.mail.startsWith('gateway')) events.push(...linkScan(email, reader.mail, rng));
  if (reader.appleMail) open(new Date(sentAt.getTime() + rng.between(30_000, minutes(25))), APPLE_PREFETCH_USER_AGENT, `17.58.${rng.int(0, 255)}.${rng.int(1, 254)}`);

  // On an iPhone the person's own opens go through Apple's proxy too; only their desktop opens stand out.
  if (!reader.prompt && !rng.chance(reader.appleMail ? reader.openChance * 0.5 : reader.openChance)) return events;
  // Most opens come within hours; a few days later for the rest.
  const openedAt = new Date(sentAt.getTime() + minutes(10) + (reader.prompt ? minutes(120) * rng.next() : days(3) * rng.next() ** 3));
  const [userAgent, ip] = reader.mail === 'google' ? [UA.gmailProxy, `66.249.84.${rng.int(1, 254)}`] : [UA.outlook, `203.0.113.${rng.int(2, 250)}`];
  open(openedAt, userAgent, ip);
  if (rng.chance(0.25)) open(new Date(openedAt.getTime() + rng.between(minutes(30), days(2))), userAgent, ip);
  if (email.links.length > 0 && rng.chance(reader.clickChance)) {
    const link = rng.pick(email.links);
    const at = new Date(openedAt.getTime() + rng.between(20_000, minutes(5)));
    const trust = classifyActivityTrust({
      type: 'email_click',
      at,
      userAgent: rng.chance(0.5) ? UA.chrome : UA.safari,
      ip: `203.0.113.${rng.int(2, 250)}`,
      sentAt,
      url: link.url,
      otherClicks: events.filter((e) => e.type === 'email_click').map((e): RecordedClick => ({ at: e.at, url: e.url ?? '' })),
      linkCount: email.links.length,
    });
    events.push({ ...draft('email_click', at, link.url, email, trust), contentId: link.contentId });
  }
  return events;
}

/**
 * A security gateway following every link before the person sees the email: named in its user agent (Proofpoint,
 * Mimecast), or dressed as Chrome and given away by its speed (every link within seconds, or a click seconds after
 * delivery).
 */
function linkScan(email: SentEmail, mail: MailSetup, rng: Random): ActivityDraft[] {
  if (email.links.length === 0) return [];
  const userAgent = mail === 'gateway_proofpoint' ? UA.proofpoint : mail === 'gateway_mimecast' ? UA.mimecast : UA.chrome;
  const ip = `198.51.100.${rng.int(2, 250)}`;
  const single = email.links.length === 1;
  const start = email.sentAt.getTime() + (single ? rng.between(1_000, 9_000) : rng.between(20_000, 150_000));
  const clicks: RecordedClick[] = email.links.map((link, i) => ({ at: new Date(start + i * rng.between(150, 900)), url: link.url }));
  return clicks.map((click, i) => {
    const trust = classifyActivityTrust({
      type: 'email_click',
      at: click.at,
      userAgent,
      ip,
      sentAt: email.sentAt,
      url: click.url,
      otherClicks: clicks,
      linkCount: email.links.length,
    });
    return { ...draft('email_click', click.at, click.url, email, trust), contentId: email.links[i]!.contentId };
  });
}

/** An automatic out-of-office answer: it does not end the cadence, and no person wrote it. */
export function outOfOfficeReply(email: SentEmail, rng: Random): ActivityDraft {
  const at = new Date(email.sentAt.getTime() + rng.between(5_000, minutes(3)));
  return {
    ...draft('email_reply', at, null, email, { label: 'machine', reason: 'automatic out-of-office reply' }),
    title: `Automatic reply: ${email.subject}`,
    outOfOffice: true,
  };
}

function draft(type: ActivityType, at: Date, url: string | null, email: SentEmail, trust: Trust): ActivityDraft {
  return { type, at, url, title: email.subject, contentId: null, emailId: email.id, outOfOffice: false, trust };
}
