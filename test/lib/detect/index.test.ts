import { describe, expect, it } from 'vitest';
import { hostOf, readerFor, readGmail, readMailto } from '../../../lib/detect';
import { pageContacts, reportedUrl, isPageAsk, PAGE_ASK } from '../../../lib/detect/report';
import { PROTOCOL } from '../../../lib/messages';

describe('the reader for a page', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://app.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view', 'salesforce'],
    ['https://acme.pipedrive.com/person/1', 'pipedrive'],
    ['https://www.example.com/team', 'mailto'],
    ['https://mail.google.com.evil.example/', 'mailto'],
    ['https://lightning.force.com.evil.example/', 'mailto'],
    ['http://mail.google.com/', 'mailto'],
  ])('%s → %s', (url, host) => {
    expect(hostOf(new URL(url))).toBe(host);
  });

  it('hands back the host and its reader', () => {
    expect(readerFor(new URL('https://mail.google.com/mail/u/0/'))).toEqual({ host: 'gmail', read: readGmail });
    expect(readerFor(new URL('https://www.example.com/'))).toEqual({ host: 'mailto', read: readMailto });
  });
});

describe('the report a content script sends', () => {
  it('keeps short URLs, trims long ones to a URL the schema takes', () => {
    expect(reportedUrl('https://outlook.office.com/mail/inbox/id/AAQk%3D')).toBe('https://outlook.office.com/mail/inbox/id/AAQk%3D');
    const long = `https://outlook.office.com/mail/inbox/id/${'A'.repeat(2100)}?x=1#y`;
    expect(reportedUrl(long)).toBe('https://outlook.office.com/');
    const longQuery = `https://outlook.office.com/mail/inbox/id/AAQk?${'q'.repeat(2100)}`;
    expect(reportedUrl(longQuery)).toBe('https://outlook.office.com/mail/inbox/id/AAQk');
    const report = pageContacts('outlook', long, []);
    expect(() => PROTOCOL['page.contacts'].request.parse(report)).not.toThrow();
  });

  it('caps contacts at 50 and recognises the background question', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ email: `p${i}@x.example`, name: null, role: 'link' as const }));
    expect(pageContacts('mailto', 'https://www.example.com/', many).contacts).toHaveLength(50);
    expect(isPageAsk(PAGE_ASK)).toBe(true);
    expect(isPageAsk({ type: 'page.contacts' })).toBe(false);
    expect(isPageAsk(null)).toBe(false);
  });
});
