import { describe, expect, it } from 'vitest';
import { inPanelOrder, onePerAddress, strongerRole } from '../../../lib/messages/contact-order';

describe('the order of the people on a page', () => {
  it('puts the external sender first, then recipients, records and links, each address once', () => {
    const ordered = inPanelOrder([
      { email: 'cc@a.example', name: null, role: 'recipient' },
      { email: 'link@b.example', name: 'Link', role: 'link' },
      { email: 'Dana@Brightwave.example', name: 'Dana', role: 'sender' },
      { email: 'rec@c.example', name: null, role: 'record' },
      { email: 'cc@a.example', name: 'Cee Cee', role: 'sender' },
    ]);
    expect(ordered.map((c) => [c.email, c.role, c.name])).toEqual([
      ['cc@a.example', 'sender', 'Cee Cee'],
      ['dana@brightwave.example', 'sender', 'Dana'],
      ['rec@c.example', 'record', null],
      ['link@b.example', 'link', 'Link'],
    ]);
  });

  it('lists a recipient before a CRM record, page order within a role', () => {
    const ordered = inPanelOrder([
      { email: 'rec@c.example', name: 'Rec', role: 'record' },
      { email: 'to@a.example', name: null, role: 'recipient' },
      { email: 'link@b.example', name: null, role: 'link' },
      { email: 'cc@a.example', name: null, role: 'recipient' },
    ]);
    expect(ordered.map((c) => c.email)).toEqual(['to@a.example', 'cc@a.example', 'rec@c.example', 'link@b.example']);
  });

  it('each address once where it first showed, its strongest role, the first name seen', () => {
    const merged = onePerAddress([
      { email: 'kofi@buyer.example', name: null, role: 'link' },
      { email: 'dana@buyer.example', name: 'Dana', role: 'record' },
      { email: 'Kofi@Buyer.example', name: 'Kofi', role: 'recipient' },
      { email: 'dana@buyer.example', name: 'Dana Ruiz', role: 'sender' },
      { email: 'kofi@buyer.example', name: 'Kofi Mensah', role: 'link' },
    ]);
    expect(merged).toEqual([
      { email: 'kofi@buyer.example', name: 'Kofi', role: 'recipient' },
      { email: 'dana@buyer.example', name: 'Dana', role: 'sender' },
    ]);
  });

  it('does not change what it was given', () => {
    const given = [
      { email: 'a@b.example', name: null, role: 'link' as const },
      { email: 'a@b.example', name: 'A', role: 'sender' as const },
    ];
    inPanelOrder(given);
    expect(given[0]).toEqual({ email: 'a@b.example', name: null, role: 'link' });
  });

  it('the stronger role: sender, recipient, record, link', () => {
    expect(strongerRole('record', 'recipient')).toBe('recipient');
    expect(strongerRole('sender', 'recipient')).toBe('sender');
    expect(strongerRole('link', 'record')).toBe('record');
    expect(strongerRole('link', 'link')).toBe('link');
  });
});
