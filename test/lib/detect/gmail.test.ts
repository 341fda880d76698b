import { describe, expect, it } from 'vitest';
import { readGmail, threadIdOf } from '../../../lib/detect/gmail';
import { loadFixture, readFixture } from './load';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW';

describe('readGmail', () => {
  it.each([
    [
      'a thread with several people: senders in order, then recipients; the rep (Maya) kept without "me"; quoted history, the list behind and the typed text left out; the inline reply chip added',
      'demo:gmail-thread.html',
      THREAD,
      [
        { email: 'dana.reyes@brightwave.example', name: 'Dana Reyes', role: 'sender' },
        { email: 'maya.chen@northwind.example', name: null, role: 'sender' },
        { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'sender' },
        { email: 'priya.n@buyer.example', name: 'Priya Natarajan', role: 'recipient' },
        { email: 'jo.park@northwind.example', name: 'Jo Park', role: 'recipient' },
        { email: 'cfo@buyer.example', name: null, role: 'recipient' },
      ],
    ],
    ['the same thread under a label', 'demo:gmail-thread.html', 'https://mail.google.com/mail/u/1/#label/Prospects/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW', 6],
    ['the thread page once the rep went back to the inbox (nodes kept): only the reply chips', 'demo:gmail-thread.html', 'https://mail.google.com/mail/u/0/#inbox', [
      { email: 'kofi.mensah@buyer.example', name: 'Kofi Mensah', role: 'recipient' },
      { email: 'cfo@buyer.example', name: null, role: 'recipient' },
    ]],
    ['a thread still loading', 'thread-loading.html', THREAD, []],
    ['the inbox list: rows are not contacts', 'inbox.html', 'https://mail.google.com/mail/u/0/#inbox', []],
    [
      'compose windows: peoplekit chips (name, or none when data-name is the address) and classic hidden inputs; the body, the alias and the half-typed address left out',
      'compose-popup.html',
      'https://mail.google.com/mail/u/0/#inbox?compose=new',
      [
        { email: 'dana.ruiz@buyer.example', name: 'Dana Ruiz', role: 'recipient' },
        { email: 'ops@buyer.example', name: null, role: 'recipient' },
        { email: 'jo@acme.example', name: 'Jo Park', role: 'recipient' },
        { email: 'crm-dropbox@acme-crm.example', name: 'CRM', role: 'recipient' },
        { email: 'lena@other-prospect.example', name: 'Ortiz, Lena', role: 'recipient' },
      ],
    ],
  ] as const)('%s', (_case, file, url, expected) => {
    const contacts = readFixture('gmail', readGmail, file, url);
    if (typeof expected === 'number') expect(contacts).toHaveLength(expected);
    else expect(contacts).toEqual(expected);
  });
});

describe('threadIdOf', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW', 'FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW'],
    ['https://mail.google.com/mail/u/0/#search/dana+ruiz/18e4b2c3d4e5f601', '18e4b2c3d4e5f601'],
    ['https://mail.google.com/mail/u/0/#label/Prospects%2FQ3/FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW?compose=new', 'FMfcgzQXJGvJkHpLwPMqNwvqcVqKPLtW'],
    ['https://mail.google.com/mail/u/0/#inbox', null],
    ['https://mail.google.com/mail/u/0/#inbox/p2', null],
    ['https://mail.google.com/mail/u/0/#settings/general', null],
    ['https://mail.google.com/mail/u/0/', null],
  ])('%s → %s', (url, id) => {
    expect(threadIdOf(new URL(url))).toBe(id);
  });
});

it('reads the same thread if Gmail drops both message hooks (data-message-id, div.adn): the whole thread area, list rows still left out', () => {
  const page = loadFixture('gmail', 'demo:gmail-thread.html', THREAD);
  const full = readGmail(page.doc, page.url);
  for (const message of page.doc.querySelectorAll('[data-message-id]')) {
    message.removeAttribute('data-message-id');
    message.classList.remove('adn');
  }
  expect(page.doc.querySelectorAll('[data-message-id], div.adn')).toHaveLength(0);
  expect(readGmail(page.doc, page.url)).toEqual(full);
});

it('tells senders from recipients by stable attributes when Gmail renames its generated classes', () => {
  const page = loadFixture('gmail', 'demo:gmail-thread.html', THREAD);
  const full = readGmail(page.doc, page.url);
  // Every generated class of the thread renamed, as a new Gmail build does; the attributes (email=, data-hovercard-id,
  // role, aria-label, data-message-id) and the mail's own `gmail_quote` stay.
  let n = 0;
  for (const element of page.doc.querySelectorAll('div[role="main"] [class]:not([class^="gmail_"])')) element.setAttribute('class', `x${(n++).toString(36)}`);
  expect(page.doc.querySelectorAll('span.gD, span.g2, span.hb, td.gF, h3.iw')).toHaveLength(0);
  expect(readGmail(page.doc, page.url)).toEqual(full);
});

it('with the classes renamed and both message hooks dropped, still no list rows', () => {
  const page = loadFixture('gmail', 'demo:gmail-thread.html', THREAD);
  const full = readGmail(page.doc, page.url);
  for (const message of page.doc.querySelectorAll('[data-message-id]')) message.removeAttribute('data-message-id');
  let n = 0;
  for (const element of page.doc.querySelectorAll('div[role="main"] [class]:not([class^="gmail_"])')) element.setAttribute('class', `x${(n++).toString(36)}`);
  expect(readGmail(page.doc, page.url)).toEqual(full);
});
