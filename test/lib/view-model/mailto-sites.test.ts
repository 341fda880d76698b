import { describe, expect, it } from 'vitest';
import { siteLabel, siteOffer } from '../../../lib/view-model/mailto-sites';

describe('the panel\'s "Read contacts on this site" offer', () => {
  it.each([
    ['a company site, not listed', 'https://www.buyer.example/team?x=1#top', [], { kind: 'off', origin: 'https://www.buyer.example', label: 'www.buyer.example' }],
    ['a listed site', 'https://www.buyer.example/about', ['https://www.buyer.example'], { kind: 'on', origin: 'https://www.buyer.example', label: 'www.buyer.example' }],
    ['localhost with a port', 'http://localhost:4100/team', [], { kind: 'off', origin: 'http://localhost:4100', label: 'localhost:4100' }],
    ['plain http elsewhere says so', 'http://intranet.example/people', [], { kind: 'off', origin: 'http://intranet.example', label: 'http://intranet.example' }],
    ['Gmail (its own reader)', 'https://mail.google.com/mail/u/0/#inbox', [], { kind: 'none' }],
    ['HubSpot (its own reader)', 'https://app.hubspot.com/contacts/1/record/0-1/2', [], { kind: 'none' }],
    ['a browser page', 'chrome://extensions/', [], { kind: 'none' }],
    ['an extension page', 'chrome-extension://abc/options.html', [], { kind: 'none' }],
    ['no address (the browser hides it)', null, [], { kind: 'none' }],
    ['not an address', 'not a url', [], { kind: 'none' }],
  ] as const)('%s', (_case, url, listed, offer) => {
    expect(siteOffer(url, listed)).toEqual(offer);
  });

  it('labels', () => {
    expect(siteLabel('https://www.example.com')).toBe('www.example.com');
    expect(siteLabel('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
  });
});
