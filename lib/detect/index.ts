import type { PageReader } from './contacts';
import type { PageHost } from '../messages/page-protocol';
import { readGmail } from './gmail';
import { readHubSpot } from './hubspot';
import { readMailto } from './mailto';
import { readOutlook } from './outlook';
import { readPipedrive } from './pipedrive';
import { readSalesforce } from './salesforce';

export { readGmail, readHubSpot, readMailto, readOutlook, readPipedrive, readSalesforce };
export type { DetectedContact, PageReader } from './contacts';
export type { PageHost } from '../messages/page-protocol';

/**
 * The reader for a page's host: the five hosts Leadside reads by default. Any other https page gets the `mailto:`
 * reader, which runs only where the rep has turned it on (see entrypoints/mailto.content.ts). Content scripts import
 * their one reader directly, to stay small; this is for code that handles any page.
 */
export function readerFor(url: URL): { host: PageHost; read: PageReader } {
  const host = hostOf(url);
  return { host, read: READERS[host] };
}

const READERS: Record<PageHost, PageReader> = {
  gmail: readGmail,
  outlook: readOutlook,
  hubspot: readHubSpot,
  salesforce: readSalesforce,
  pipedrive: readPipedrive,
  mailto: readMailto,
};

const OUTLOOK = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export function hostOf(url: URL): PageHost {
  if (url.protocol !== 'https:') return 'mailto';
  const name = url.hostname;
  if (name === 'mail.google.com') return 'gmail';
  if (OUTLOOK.includes(name)) return 'outlook';
  if (/^app(-[a-z]+\d*)?\.hubspot\.com$/.test(name)) return 'hubspot';
  if (name.endsWith('.lightning.force.com')) return 'salesforce';
  if (name.endsWith('.pipedrive.com')) return 'pipedrive';
  return 'mailto';
}
