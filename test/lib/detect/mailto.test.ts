import { describe, expect, it } from 'vitest';
import { readMailto } from '../../../lib/detect/mailto';
import { PROTOCOL } from '../../../lib/messages';
import { loadFixture } from './load';

describe('readMailto', () => {
  it('reads explicit mailto: links only: decoded, query dropped, several split, link text as name unless an address or a sentence', () => {
    const url = 'https://www.example.com/team';
    const page = loadFixture('mailto', 'team-page.html', url);
    const contacts = readMailto(page.doc, page.url);
    expect(contacts).toEqual([
      { email: 'hello@example.com', name: 'Contact us', role: 'link' },
      { email: 'dana.ruiz@example.com', name: 'Dana Ruiz', role: 'link' },
      { email: 'kofi.mensah@example.com', name: null, role: 'link' },
      { email: 'sales@example.com', name: null, role: 'link' },
      { email: 'support@example.com', name: null, role: 'link' },
      { email: 'jobs@example.com', name: null, role: 'link' },
    ]);
    expect(() => PROTOCOL['page.contacts'].request.parse({ host: 'mailto', url, contacts })).not.toThrow();
  });

  it('caps a page full of links at what one message may carry (50)', () => {
    const page = loadFixture('mailto', 'team-page.html', 'https://www.example.com/team');
    const many = Array.from({ length: 80 }, (_, i) => `<a href="mailto:person${i}@example.com">Person ${i}</a>`).join('');
    page.doc.body.insertAdjacentHTML('beforeend', many);
    expect(readMailto(page.doc, page.url)).toHaveLength(50);
  });
});
