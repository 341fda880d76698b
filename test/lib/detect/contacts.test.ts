import { describe, expect, it } from 'vitest';
import { contactCollector, mailtoAddresses, parseAddressList, toEmail, toName } from '../../../lib/detect/contacts';
import { Email } from '../../../lib/core/model/primitives';

describe('toEmail agrees with the message schema', () => {
  it.each([
    ['Dana.Ruiz@Buyer.Example', 'dana.ruiz@buyer.example'],
    ['  kofi+pilot@buyer.co.uk ', 'kofi+pilot@buyer.co.uk'],
    ["o'neil@buyer.example", "o'neil@buyer.example"],
    ['dana@buyer', null],
    ['dana@@buyer.example', null],
    ['.dana@buyer.example', null],
    ['dana..ruiz@buyer.example', null],
    ['Dana Ruiz <dana@buyer.example>', null],
    ['', null],
    [`${'a'.repeat(250)}@b.example`, null],
  ])('%j → %j', (raw, email) => {
    expect(toEmail(raw)).toBe(email);
    // Never send what the background would refuse, never drop what it would take.
    expect(Email.safeParse(raw).success).toBe(email !== null);
  });
});

describe('toName', () => {
  it.each([
    ['  Dana   Ruiz ', undefined, 'Dana Ruiz'],
    ['"Ruiz, Dana"', undefined, 'Ruiz, Dana'],
    ['dana@buyer.example', 'dana@buyer.example', null],
    ['DANA@BUYER.EXAMPLE', 'dana@buyer.example', null],
    ['', undefined, null],
    ['x'.repeat(300), undefined, 'x'.repeat(200)],
  ])('%j → %j', (raw, email, name) => {
    expect(toName(raw, email)).toBe(name);
  });
});

describe('mailtoAddresses', () => {
  it.each([
    ['mailto:dana@buyer.example', ['dana@buyer.example']],
    ['MAILTO:Dana%40Buyer.Example?subject=Hi%20there&cc=boss@buyer.example', ['dana@buyer.example']],
    ['mailto:a@x.example,%20b@y.example;c@z.example', ['a@x.example', 'b@y.example', 'c@z.example']],
    ['mailto:%E0%A4%A', []],
    ['mailto:', []],
    ['mailto:?to=dana@buyer.example', []],
    ['https://buyer.example/contact', []],
    [null, []],
  ])('%j → %j', (href, emails) => {
    expect(mailtoAddresses(href)).toEqual(emails);
  });
});

describe('parseAddressList', () => {
  it('reads "Name <address>", quoted names and bare addresses; skips names without one', () => {
    expect(parseAddressList('Sam Rep <sam@acme.example>; "Ruiz, Dana" <Dana@Buyer.Example>, Finance Team; kofi@buyer.example')).toEqual([
      { email: 'sam@acme.example', name: 'Sam Rep' },
      { email: 'dana@buyer.example', name: 'Ruiz, Dana' },
      { email: 'kofi@buyer.example', name: null },
    ]);
    expect(parseAddressList('Finance Team; Jo Park')).toEqual([]);
    expect(parseAddressList(null)).toEqual([]);
  });
});

describe('contactCollector', () => {
  it('keeps page order, one entry per address, the first name shown and the strongest role', () => {
    const found = contactCollector();
    found.add('kofi@buyer.example', null, 'recipient');
    found.add('dana@buyer.example', 'Dana', 'link');
    found.add('KOFI@buyer.example', 'Kofi Mensah', 'sender');
    found.add('dana@buyer.example', 'Dana Ruiz', 'recipient');
    found.add('not an address', 'Nobody', 'sender');
    expect(found.list()).toEqual([
      { email: 'kofi@buyer.example', name: 'Kofi Mensah', role: 'sender' },
      { email: 'dana@buyer.example', name: 'Dana', role: 'recipient' },
    ]);
  });
});
