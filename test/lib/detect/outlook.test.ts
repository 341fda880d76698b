import { describe, expect, it } from 'vitest';
import { readOutlook } from '../../../lib/detect/outlook';
import { readFixture } from './load';

const CONVERSATION =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAKhqsJ4Z8UxJpM7%2B2a2j7dE%3D';

describe('readOutlook', () => {
  it.each([
    [
      "the reading pane: each message's From, To and Cc; names without an address skipped; the list, the body, quoted history and a forwarded label left out",
      'reading-pane.html',
      CONVERSATION,
      [
        { email: 'sam@acme.example', name: 'Sam Rep', role: 'sender' },
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'sender' },
        { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'recipient' },
        { email: 'priya.n@buyer.example', name: null, role: 'recipient' },
      ],
    ],
    [
      'a German UI: "Von:", "An:", and a quoted "Last, First" name',
      'reading-pane-de.html',
      'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM3ZmYAZS1kNzU1LTk5AGYtMDACLTAwCgAQAE9f1uJ2V0hFqkzMRLpXGVc%3D',
      [
        { email: 'j.weber@kaeufer.example', name: 'Jonas Weber', role: 'sender' },
        { email: 'sam@acme.example', name: null, role: 'recipient' },
        { email: 'anna.schmidt@kaeufer.example', name: 'Schmidt, Anna', role: 'recipient' },
      ],
    ],
    [
      'a compose form: resolved entities, "Name <address>" and bare addresses; a name-only chip and the quoted body left out',
      'compose.html',
      'https://outlook.office.com/mail/deeplink/compose',
      [
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'recipient' },
        { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'recipient' },
        { email: 'jo@acme.example', name: 'Jo Park', role: 'recipient' },
        { email: 'procurement@buyer.example', name: null, role: 'recipient' },
      ],
    ],
    ['a conversation still loading', 'loading.html', CONVERSATION, []],
  ] as const)('%s', (_case, file, url, expected) => {
    expect(readFixture('outlook', readOutlook, file, url)).toEqual(expected);
  });
});
