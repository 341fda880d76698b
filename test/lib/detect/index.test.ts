import { describe, expect, it } from 'vitest';
import { hostOf, readerFor, readGmail, readMailto } from '../../../lib/detect';

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
