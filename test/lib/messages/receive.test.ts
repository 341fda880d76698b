import { describe, expect, it, vi } from 'vitest';
import { createMessageReceiver, senderAllowed, sendTyped, type Handlers } from '../../../lib/messages';

const self = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid' };
const fromTab = { id: 'ourextensionid', tab: { id: 7 }, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0 };
const fromPanel = { id: 'ourextensionid', url: 'chrome-extension://ourextensionid/sidepanel.html' };
// The end-to-end suite opens the panel as a tab: still an extension page by its origin.
const panelInTab = { id: 'ourextensionid', url: 'chrome-extension://ourextensionid/sidepanel.html', tab: { id: 9 } };
const otherExtension = { id: 'someoneelse', url: 'chrome-extension://someoneelse/x.html' };

const pageContacts = { host: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc', contacts: [{ email: 'Dana@Buyer.Example', name: 'Dana' }] };

describe('who may send what', () => {
  it.each([
    ['content', fromTab, true],
    ['content', fromPanel, false],
    ['content', panelInTab, false],
    ['content', otherExtension, false],
    ['content', { id: 'ourextensionid', url: 'https://mail.google.com/' }, false], // no tab: not a content script
    ['extension', fromPanel, true],
    ['extension', panelInTab, true],
    ['extension', fromTab, false],
    ['extension', otherExtension, false],
    ['extension', { id: 'ourextensionid', url: 'chrome-extension://someoneelse/sidepanel.html' }, false],
  ] as const)('%s message from %j → %s', (from, sender, allowed) => {
    expect(senderAllowed(from, sender, self)).toBe(allowed);
  });
});

describe('the message receiver', () => {
  function receiver() {
    const handlers: Handlers = {
      'page.contacts': vi.fn(async () => null),
      'sync.request': vi.fn(async () => ({ kind: 'done' })),
    };
    const refused = vi.fn();
    return { receive: createMessageReceiver(self, handlers, refused), handlers, refused };
  }

  it('hands a valid message its parsed data (emails normalised, defaults filled)', async () => {
    const { receive, handlers } = receiver();
    expect(await receive({ type: 'page.contacts', data: pageContacts }, fromTab)).toEqual({ ok: true, value: null });
    expect(handlers['page.contacts']).toHaveBeenCalledWith(
      { ...pageContacts, contacts: [{ email: 'dana@buyer.example', name: 'Dana', role: 'record' }] },
      fromTab,
    );
  });

  it.each([
    ['not an object', 'hello', 'not a Leadside message'],
    ['an unknown type', { type: 'token.read', data: {} }, 'unknown message type "token.read"'],
    ['a type with no handler here', { type: 'auth.changed', data: { signedIn: true } }, 'unknown message type "auth.changed"'],
    ['a prototype key', { type: 'toString', data: {} }, 'unknown message type "toString"'],
    [
      'a bad email',
      { type: 'page.contacts', data: { ...pageContacts, contacts: [{ email: 'nope' }] } },
      'page.contacts is not valid: contacts.0.email: must be an email address',
    ],
    ['an extra field', { type: 'page.contacts', data: { ...pageContacts, token: 'x' } }, 'page.contacts is not valid: Unrecognized key: "token"'],
    ['a javascript: url', { type: 'page.contacts', data: { ...pageContacts, url: 'javascript:alert(1)' } }, 'page.contacts is not valid: url: must be an http(s) URL'],
  ])('refuses %s and calls nothing', async (_what, message, error) => {
    const { receive, handlers, refused } = receiver();
    expect(await receive(message, fromTab)).toEqual({ ok: false, error });
    expect(handlers['page.contacts']).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledOnce();
  });

  it('refuses a content message from an extension page and a panel message from a tab', async () => {
    const { receive, handlers } = receiver();
    expect(await receive({ type: 'page.contacts', data: pageContacts }, fromPanel)).toEqual({
      ok: false,
      error: '"page.contacts" may only come from a content script in a tab',
    });
    expect(await receive({ type: 'sync.request', data: { reason: 'manual' } }, fromTab)).toEqual({
      ok: false,
      error: '"sync.request" may only come from an extension page',
    });
    expect(handlers['page.contacts']).not.toHaveBeenCalled();
    expect(handlers['sync.request']).not.toHaveBeenCalled();
  });

  it('sendTyped and the receiver speak the same envelope, and a refusal becomes an error for the sender', async () => {
    const { receive } = receiver();
    const asPanel = (m: unknown) => receive(m, fromPanel);
    await expect(sendTyped(asPanel, 'sync.request', { reason: 'manual' })).resolves.toEqual({ kind: 'done' });
    const asTab = (m: unknown) => receive(m, fromTab);
    await expect(sendTyped(asTab, 'sync.request', { reason: 'manual' })).rejects.toThrow('may only come from an extension page');
  });
});
