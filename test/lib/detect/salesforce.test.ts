import { describe, expect, it } from 'vitest';
import { readSalesforce } from '../../../lib/detect/salesforce';
import { loadFixture, readFixture, type ShadowMode } from './load';

const LEAD = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view';

describe.each<ShadowMode>(['native', 'synthetic'])('readSalesforce on %s shadow', (shadow) => {
  it.each([
    [
      "a lead record: the Email field and the Name field; the hidden earlier record, the owner and the activity timeline left out",
      'lead.html',
      LEAD,
      [{ email: 'dana.ruiz@buyer.example', name: 'Ms. Dana Ruiz', role: 'record' }],
    ],
    [
      'a contact whose details are not rendered yet: the highlights panel',
      'contact-highlights-only.html',
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZaBAAV/view',
      [{ email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'record' }],
    ],
    ['a lead known only by name (short URL without the object): nothing', 'lead-no-email.html', 'https://acme.lightning.force.com/lightning/r/00Q5g00000ZzYyXAAV/view', []],
    [
      "the end-to-end build's stand-in page",
      'lead.html',
      'http://localhost:5173/salesforce/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
      [{ email: 'dana.ruiz@buyer.example', name: 'Ms. Dana Ruiz', role: 'record' }],
    ],
    ['an account: not a person', 'account.html', 'https://acme.lightning.force.com/lightning/r/Account/0015g00000QwErTAAV/view', []],
    ['a lead page still on its list view URL', 'lead.html', 'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', []],
  ] as const)('%s', (_case, file, url, expected) => {
    expect(readFixture('salesforce', readSalesforce, file, url, shadow)).toEqual(expected);
  });
});

it('native shadow really hides the field from a plain querySelector (the reason for deepQuerySelectorAll)', () => {
  const page = loadFixture('salesforce', 'lead.html', LEAD, 'native');
  expect(page.doc.querySelector('lightning-formatted-email')).toBeNull();
  expect(loadFixture('salesforce', 'lead.html', LEAD, 'synthetic').doc.querySelector('lightning-formatted-email')).not.toBeNull();
});
