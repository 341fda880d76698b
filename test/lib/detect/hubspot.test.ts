import { describe, expect, it } from 'vitest';
import { readHubSpot } from '../../../lib/detect/hubspot';
import { readFixture } from './load';

const CONTACT = 'https://app.hubspot.com/contacts/21234567/record/0-1/51234';

describe('readHubSpot', () => {
  it.each([
    [
      "a contact record: its email property and name; the owner, the timeline, association cards and a preview dialog left out",
      'demo:hubspot-contact.html',
      CONTACT,
      [{ email: 'leo.martins@quantaloop.example', name: 'Leo Martins', role: 'record' }],
    ],
    [
      'the email property being edited (an input), the name from first and last name',
      'contact-record-editing.html',
      'https://app-eu1.hubspot.com/contacts/25123456/record/0-1/9001',
      [{ email: 'j.weber@kaeufer.example', name: 'Jonas Weber', role: 'record' }],
    ],
    ['a contact known only by name: nothing (the message needs an email)', 'contact-no-email.html', 'https://app.hubspot.com/contacts/21234567/record/0-1/60001', []],
    [
      'the About card without the email: the plain-text address in the highlight card; the owner and the timeline left out',
      'contact-highlight-text.html',
      'https://app.hubspot.com/contacts/21234567/record/0-1/60002',
      [{ email: 'amara.osei@harborline.example', name: 'Amara Osei', role: 'record' }],
    ],
    ['a record still loading', 'contact-loading.html', CONTACT, []],
    [
      "a company record: the contacts association card's people with an address",
      'company-record.html',
      'https://app.hubspot.com/contacts/21234567/record/0-2/7788',
      [
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'record' },
        { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'record' },
      ],
    ],
    ['the contacts list: rows are not a record', 'contacts-list.html', 'https://app.hubspot.com/contacts/21234567/objects/0-1/views/all/list', []],
    [
      "the end-to-end build's stand-in page reads the same",
      'demo:hubspot-contact.html',
      'http://localhost:5173/hubspot/contacts/21234567/record/0-1/51234',
      [{ email: 'leo.martins@quantaloop.example', name: 'Leo Martins', role: 'record' }],
    ],
    ['a contact page read as a deal (0-3): not read', 'demo:hubspot-contact.html', 'https://app.hubspot.com/contacts/21234567/record/0-3/51234', []],
  ] as const)('%s', (_case, file, url, expected) => {
    expect(readFixture('hubspot', readHubSpot, file, url)).toEqual(expected);
  });
});
